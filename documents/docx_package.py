"""A template's source written as a Word document (.docx, Office Open XML), standard library only.

The smallest package Word, LibreOffice and the portal's upload checks accept: the document, its
styles (title, headings, note, bullet list) and numbering, and the core properties (title and
language); no macros, no external links, no dates (the file must rebuild identically).
"""

from xml.sax.saxutils import escape

from documents.reproducible_zip import package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"
CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
APP_TYPE = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
LOCALES = {"pt": "pt-PT", "en": "en-GB"}
STYLE_OF = {
    "title": "Title",
    "heading": "Heading1",
    "subheading": "Heading2",
    "note": "Note",
    "paragraph": None,
}
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

CONTENT_TYPES = f"""{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{MAIN_TYPE}.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="{MAIN_TYPE}.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="{MAIN_TYPE}.numbering+xml"/>
<Override PartName="/docProps/core.xml" ContentType="{CORE_TYPE}"/>
<Override PartName="/docProps/app.xml" ContentType="{APP_TYPE}"/>
</Types>"""

PACKAGE_RELS = f"""{HEAD}<Relationships xmlns="{PKG}">
<Relationship Id="rId1" Type="{DOC_REL}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="{CORE_REL}" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="{DOC_REL}/extended-properties" Target="docProps/app.xml"/>
</Relationships>"""

DOCUMENT_RELS = f"""{HEAD}<Relationships xmlns="{PKG}">
<Relationship Id="rId1" Type="{DOC_REL}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{DOC_REL}/numbering" Target="numbering.xml"/>
</Relationships>"""

APP = f"""{HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
<Application>Procure+i portal</Application>
</Properties>"""

NUMBERING = f"""{HEAD}<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/>
<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def styles(locale):
    def heading(style_id, name, size, level):
        return (
            f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
            f'<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/>'
            f'<w:outlineLvl w:val="{level}"/></w:pPr>'
            f'<w:rPr><w:b/><w:color w:val="1F3A5F"/><w:sz w:val="{size}"/></w:rPr></w:style>'
        )

    return (
        f'{HEAD}<w:styles xmlns:w="{W}">'
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>'
        f'<w:sz w:val="22"/><w:lang w:val="{locale}"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        "<w:qFormat/></w:style>"
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:spacing w:after="240"/></w:pPr>'
        '<w:rPr><w:b/><w:color w:val="1F3A5F"/><w:sz w:val="36"/></w:rPr></w:style>'
        + heading("Heading1", "heading 1", 28, 0)
        + heading("Heading2", "heading 2", 24, 1)
        + '<w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/>'
        '<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>'
        '<w:pBdr><w:left w:val="single" w:sz="24" w:space="8" w:color="C05A00"/></w:pBdr>'
        '<w:shd w:val="clear" w:color="auto" w:fill="FFF4E5"/><w:ind w:left="240"/></w:pPr>'
        "<w:rPr><w:i/></w:rPr></w:style>"
        '<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/>'
        '<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>'
        '<w:spacing w:after="60"/></w:pPr></w:style>'
        "</w:styles>"
    )


def core(title, locale):
    return (
        f"{HEAD}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>Procure+i</dc:creator>"
        f"<dc:language>{locale}</dc:language></cp:coreProperties>"
    )


def run_xml(run):
    props = ("<w:b/>" if run.bold else "") + ('<w:highlight w:val="yellow"/>' if run.field else "")
    text = f'<w:t xml:space="preserve">{escape(run.text)}</w:t>'
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{text}</w:r>"


def paragraph_xml(runs, style):
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}{''.join(run_xml(run) for run in runs)}</w:p>"


def document(source):
    body = []
    for block in source.blocks:
        if block.kind == "bullets":
            body.extend(paragraph_xml(item, "ListBullet") for item in block.runs)
        else:
            body.append(paragraph_xml(block.runs, STYLE_OF[block.kind]))
    section = (
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'  # A4
        '<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709"'
        ' w:footer="709" w:gutter="0"/></w:sectPr>'
    )
    return (
        f'{HEAD}<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>'
        f"{''.join(body)}{section}</w:body></w:document>"
    )


def docx_bytes(source):
    locale = LOCALES[source.language]
    members = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("docProps/core.xml", core(source.title, locale)),
        ("docProps/app.xml", APP),
        ("word/document.xml", document(source)),
        ("word/styles.xml", styles(locale)),
        ("word/numbering.xml", NUMBERING),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
    ]
    return package([(name, text.encode("utf-8")) for name, text in members])
