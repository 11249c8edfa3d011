"""Real Office, OpenDocument and PDF files with and without active content, built for tests."""

import io
import zipfile

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

WORD_MACRO_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
    '<Override PartName="/word/document.xml"'
    ' ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>'
)
EXCEL_MACRO_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/xl/workbook.xml"'
    ' ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>'
)
PLAIN_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/word/document.xml" ContentType='
    '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
WORD_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
PARAGRAPH = "<w:p><w:r><w:t>Relatório do workshop</w:t></w:r></w:p>"


def word_part(root, body):
    """A WordprocessingML part: the document's body, a header, a footer, the footnotes..."""
    inner = f"<w:body>{body}</w:body>" if root == "document" else body
    return f'<?xml version="1.0" encoding="UTF-8"?><w:{root} {WORD_NAMESPACES}>{inner}</w:{root}>'


VBA_PROJECT = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504  # an OLE file's header
ODT_TYPE = "application/vnd.oasis.opendocument.text"
ODT_MANIFEST = (
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="{type}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "{extra}</manifest:manifest>"
)
# LibreOffice writes an empty <office:scripts/> in ordinary files: it must not be refused.
ODT_CONTENT = (
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0">'
    "<office:scripts/>{events}<office:body><office:text/></office:body>"
    "</office:document-content>"
)
BASIC_MODULE = (
    '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"'
    ' script:language="StarBasic">Sub Main\nShell("calc")\nEnd Sub</script:module>'
)
EVENT_LISTENER = (
    '<office:event-listeners><script:event-listener script:language="ooo:script"'
    ' script:event-name="dom:load"'
    ' xlink:href="vnd.sun.star.script:Standard.Module1.Main?language=Basic"/>'
    "</office:event-listeners>"
)


def zipped(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx(macros=False):
    members = {
        "[Content_Types].xml": WORD_MACRO_TYPES if macros else PLAIN_TYPES,
        "word/document.xml": word_part("document", PARAGRAPH),
    }
    if macros:
        members["word/vbaProject.bin"] = VBA_PROJECT
    return zipped(members)


def xlsx_with_macros():
    """A workbook saved as .xlsm and renamed .xlsx."""
    return zipped(
        {
            "[Content_Types].xml": EXCEL_MACRO_TYPES,
            "xl/workbook.xml": "<workbook/>",
            "xl/vbaProject.bin": VBA_PROJECT,
        }
    )


def odt(basic=False, events=False):
    members = {
        "mimetype": ODT_TYPE,
        "content.xml": ODT_CONTENT.format(events=EVENT_LISTENER if events else ""),
        "META-INF/manifest.xml": ODT_MANIFEST.format(
            type=ODT_TYPE,
            extra='<manifest:file-entry manifest:full-path="Basic/Standard/Module1.xml"'
            ' manifest:media-type="text/xml"/>'
            if basic
            else "",
        ),
    }
    if basic:
        members["Basic/Standard/Module1.xml"] = BASIC_MODULE
        members["Basic/script-lc.xml"] = "<library:libraries/>"
    return zipped(members)


def pdf(build=None):
    """A one-page PDF; build(writer) adds what the test needs."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if build:
        build(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def set_open_action(writer, action):
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)


def javascript_on_open(writer):
    set_open_action(
        writer,
        DictionaryObject(
            {
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject("app.alert('x');"),
            }
        ),
    )


def launch_on_open(writer):
    set_open_action(
        writer,
        DictionaryObject(
            {
                NameObject("/S"): NameObject("/Launch"),
                NameObject("/F"): TextStringObject("C:\\Windows\\System32\\calc.exe"),
            }
        ),
    )


def go_to_first_page_on_open(writer):
    """A harmless open action: show page 1, whole."""
    writer._root_object[NameObject("/OpenAction")] = ArrayObject(
        [writer.pages[0].indirect_reference, NameObject("/Fit")]
    )


def attachment(writer):
    writer.add_attachment("dados.csv", b"nome;valor\nx;1\n")


def link_annotation_with_javascript(writer):
    """JavaScript behind a link on the page, not in the catalog."""
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([NumberObject(n) for n in (10, 10, 100, 40)]),
            NameObject("/A"): DictionaryObject(
                {
                    NameObject("/S"): NameObject("/JavaScript"),
                    NameObject("/JS"): TextStringObject("this.exportDataObject({});"),
                }
            ),
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])


def with_escaped_names(data):
    """The same PDF with its action names written as #xx escapes, which no byte scan matches."""
    return data.replace(b"/JavaScript", b"/J#61vaScript").replace(b"/JS ", b"/J#53 ")
