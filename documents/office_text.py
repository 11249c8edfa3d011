"""The text of a Word (.docx) or OpenDocument text (.odt) file, for the site search: every
paragraph of the main part, read with the same bounds and XML defences as the upload checks."""

import zipfile
import zlib
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from documents.zip_members import MAX_MEMBER_SIZE, MemberTooLarge, read_member

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
# The part that holds the body, and the elements that hold one paragraph each.
PARTS = {
    "docx": ("word/document.xml", (f"{W}p",)),
    "odt": ("content.xml", (f"{TEXT}p", f"{TEXT}h")),
}
READ_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, ValueError)


def office_text(handle, extension):
    """The paragraphs of the file joined by spaces, or "" for another type or an unreadable file."""
    if extension not in PARTS:
        return ""
    part, paragraph_tags = PARTS[extension]
    try:
        with zipfile.ZipFile(handle) as archive:
            root = fromstring(read_member(archive, part, MAX_MEMBER_SIZE))
    except (KeyError, MemberTooLarge, ParseError, DefusedXmlException, *READ_ERRORS):
        return ""
    paragraphs = (
        "".join(element.itertext()) for element in root.iter() if element.tag in paragraph_tags
    )
    return " ".join(text for text in paragraphs if text.strip())
