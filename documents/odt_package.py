"""A template's source written as an OpenDocument text (.odt), standard library only.

ODF's packaging rules: `mimetype` first and stored uncompressed, the manifest listing every
part; styles mirror the Word version (title, headings, shaded note, bullets, yellow fields).
"""

from xml.sax.saxutils import escape

from documents.reproducible_zip import package

MIMETYPE = "application/vnd.oasis.opendocument.text"
COUNTRIES = {"pt": "PT", "en": "GB"}
NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'office:version="1.3"'
)
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
STYLE_OF = {"title": "Title", "note": "Note", "paragraph": "Standard"}
LEVEL_OF = {"heading": 1, "subheading": 2}

MANIFEST_NS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
MANIFEST = f"""{HEAD}<manifest:manifest xmlns:manifest="{MANIFEST_NS}" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:version="1.3"
 manifest:media-type="{MIMETYPE}"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


def styles(language):
    country = COUNTRIES[language]

    def heading(level, size):
        return (
            f'<style:style style:name="Heading_20_{level}" style:display-name="Heading {level}"'
            ' style:family="paragraph" style:parent-style-name="Standard"'
            f' style:next-style-name="Standard" style:default-outline-level="{level}"'
            ' style:class="text"><style:paragraph-properties fo:margin-top="0.42cm"'
            ' fo:margin-bottom="0.21cm" fo:keep-with-next="always"/>'
            f'<style:text-properties fo:font-size="{size}pt" fo:font-weight="bold"'
            ' fo:color="#1f3a5f"/></style:style>'
        )

    return (
        f"{HEAD}<office:document-styles {NS}><office:styles>"
        '<style:default-style style:family="paragraph"><style:paragraph-properties'
        ' fo:margin-bottom="0.21cm" fo:line-height="115%"/><style:text-properties'
        ' style:font-name="Arial" fo:font-family="Arial" fo:font-size="11pt"'
        f' fo:language="{language}" fo:country="{country}"/></style:default-style>'
        '<style:style style:name="Standard" style:family="paragraph" style:class="text"/>'
        '<style:style style:name="Title" style:family="paragraph"'
        ' style:parent-style-name="Standard" style:class="chapter">'
        '<style:paragraph-properties fo:margin-bottom="0.42cm"/>'
        '<style:text-properties fo:font-size="18pt" fo:font-weight="bold"'
        ' fo:color="#1f3a5f"/></style:style>'
        + heading(1, 14)
        + heading(2, 12)
        + '<style:style style:name="Note" style:family="paragraph"'
        ' style:parent-style-name="Standard" style:class="text">'
        '<style:paragraph-properties fo:background-color="#fff4e5" fo:padding="0.2cm"'
        ' fo:border-left="1.5pt solid #c05a00" fo:margin-left="0.4cm"/>'
        '<style:text-properties fo:font-style="italic"/></style:style>'
        '<style:style style:name="List_20_Bullet" style:display-name="List Bullet"'
        ' style:family="paragraph" style:parent-style-name="Standard" style:class="list">'
        '<style:paragraph-properties fo:margin-bottom="0.1cm"/></style:style>'
        "</office:styles>"
        '<office:automatic-styles><style:page-layout style:name="A4">'
        '<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"'
        ' fo:margin-top="2.5cm" fo:margin-bottom="2.5cm" fo:margin-left="2.5cm"'
        ' fo:margin-right="2.5cm"/></style:page-layout></office:automatic-styles>'
        '<office:master-styles><style:master-page style:name="Standard"'
        ' style:page-layout-name="A4"/></office:master-styles>'
        "</office:document-styles>"
    )


AUTOMATIC_STYLES = (
    "<office:automatic-styles>"
    '<style:style style:name="Bold" style:family="text">'
    '<style:text-properties fo:font-weight="bold"/></style:style>'
    '<style:style style:name="Field" style:family="text">'
    '<style:text-properties fo:background-color="#ffff00"/></style:style>'
    '<text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1"'
    ' text:bullet-char="\u2022"><style:list-level-properties'
    ' text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment'
    ' text:label-followed-by="listtab" text:list-tab-stop-position="1.27cm"'
    ' fo:text-indent="-0.635cm" fo:margin-left="1.27cm"/></style:list-level-properties>'
    "</text:list-level-style-bullet></text:list-style>"
    "</office:automatic-styles>"
)


def spans(runs):
    parts = []
    for run in runs:
        text = escape(run.text)
        if run.field:
            text = f'<text:span text:style-name="Field">{text}</text:span>'
        if run.bold:
            text = f'<text:span text:style-name="Bold">{text}</text:span>'
        parts.append(text)
    return "".join(parts)


def content(source):
    body = []
    for block in source.blocks:
        if block.kind == "bullets":
            items = "".join(
                f'<text:list-item><text:p text:style-name="List_20_Bullet">{spans(item)}'
                "</text:p></text:list-item>"
                for item in block.runs
            )
            body.append(f'<text:list text:style-name="Bullets">{items}</text:list>')
        elif block.kind in LEVEL_OF:
            level = LEVEL_OF[block.kind]
            body.append(
                f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">'
                f"{spans(block.runs)}</text:h>"
            )
        else:
            body.append(
                f'<text:p text:style-name="{STYLE_OF[block.kind]}">{spans(block.runs)}</text:p>'
            )
    return (
        f"{HEAD}<office:document-content {NS}>{AUTOMATIC_STYLES}"
        f"<office:body><office:text>{''.join(body)}</office:text></office:body>"
        "</office:document-content>"
    )


def meta(source):
    return (
        f"{HEAD}<office:document-meta {NS}><office:meta>"
        "<meta:generator>Procure+i portal</meta:generator>"
        f"<dc:title>{escape(source.title)}</dc:title>"
        f"<dc:language>{source.language}-{COUNTRIES[source.language]}</dc:language>"
        "</office:meta></office:document-meta>"
    )


def odt_bytes(source):
    members = [
        ("mimetype", MIMETYPE),
        ("META-INF/manifest.xml", MANIFEST),
        ("content.xml", content(source)),
        ("styles.xml", styles(source.language)),
        ("meta.xml", meta(source)),
    ]
    return package([(name, text.encode("utf-8")) for name, text in members])  # mimetype first
