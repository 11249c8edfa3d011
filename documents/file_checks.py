"""What an uploaded library file must be: an allowed type matching its name, no active content."""

import zipfile
import zlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.office_active_content import office_finding
from documents.pdf_active_content import pdf_finding
from documents.zip_members import MemberTooLarge, read_member

ZIP_MAGIC = b"PK\x03\x04"
OFFICE_OPEN_XML = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
OPEN_DOCUMENT = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
BINARY_MAGIC = (b"%PDF", ZIP_MAGIC, b"\xd0\xcf\x11\xe0", b"\x7fELF", b"MZ", b"\x89PNG", b"GIF8")
CSV_SAMPLE = 64 * 1024
MIMETYPE_LIMIT = 256  # an ODF mimetype is one short line
# Why a file with active content is refused, by what was found in it.
ACTIVE_CONTENT_REASONS = {
    "macros": gettext_lazy(
        "This file contains macros, scripts or ActiveX controls, which could run code on a"
        " reader's computer. Remove them and save it again as a plain %(extension)s file."
    ),
    "unreadable": gettext_lazy(
        "Part of this file could not be read, so it cannot be checked for macros. Save it"
        " again as a plain %(extension)s file."
    ),
    "unreadable_pdf": gettext_lazy(
        "This PDF could not be read, so it cannot be checked for scripts. Export or print it"
        " again to PDF."
    ),
    "oversized_part": gettext_lazy(
        "Part of this file grows too large once uncompressed to be checked. Save it again as"
        " a plain %(extension)s file, or split it into smaller files."
    ),
    "dde": gettext_lazy(
        "This file contains DDE fields or links, which can run commands on a reader's"
        " computer. Remove them (or replace them with their values) and save the file again."
    ),
    "embedded_object": gettext_lazy(
        "This file embeds another file or an OLE object (for example a chart's worksheet or"
        " an object inserted from another program), which could run code. Paste it as a"
        " picture, or upload it as its own document, and save the file again."
    ),
    "external_content": gettext_lazy(
        "This file loads a template, object or frame from another address when it opens."
        " Remove the link (in Word: Developer > Document Template, or the linked object) and"
        " save the file again."
    ),
    "javascript": gettext_lazy(
        "This PDF contains JavaScript, which could run code in a reader's PDF viewer."
        " Export or print it again to PDF without scripts or interactive form actions."
    ),
    "launch": gettext_lazy(
        "This PDF contains an action that launches another program or file. Export it"
        " again to PDF without actions."
    ),
    "embedded_file": gettext_lazy(
        "This PDF carries embedded files (attachments). Upload each of them as its own"
        " document and export the PDF again without attachments."
    ),
    "rich_media": gettext_lazy(
        "This PDF contains rich media (Flash, video or 3D content) that can run code."
        " Export it again to PDF without it."
    ),
    "xfa": gettext_lazy(
        "This PDF is an XFA form, which can run scripts. Export or print it again to a plain PDF."
    ),
}


def zip_contents(uploaded):
    """The member names of a ZIP-based file and its ODF `mimetype` entry (empty if none)."""
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = archive.namelist()
            mimetype = (
                read_member(archive, "mimetype", MIMETYPE_LIMIT).strip()
                if "mimetype" in names
                else b""
            )
            return names, mimetype
    except MemberTooLarge:
        return names, b""  # no ODF type is that long: the content does not match
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, NotImplementedError):
        return [], b""


def is_text(uploaded):
    """CSV: UTF-8 or Windows-1252 text with no NUL byte and no binary signature."""
    uploaded.seek(0)
    sample = uploaded.read(CSV_SAMPLE)
    if b"\x00" in sample or sample.startswith(BINARY_MAGIC):
        return False
    for encoding in ("utf-8", "cp1252"):  # spreadsheets in Portugal export either
        try:
            sample.decode(encoding)
            return True
        except UnicodeDecodeError:
            continue
    return False


def content_matches(uploaded, extension):
    uploaded.seek(0)
    head = uploaded.read(8)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension == "csv":
        return is_text(uploaded)
    if not head.startswith(ZIP_MAGIC):
        return False
    names, mimetype = zip_contents(uploaded)
    if extension in OFFICE_OPEN_XML:
        folder = OFFICE_OPEN_XML[extension]
        return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)
    return mimetype == OPEN_DOCUMENT.get(extension)


def active_content(uploaded, extension):
    """What active content the file carries (a key of ACTIVE_CONTENT_REASONS), or None."""
    if extension == "pdf":
        finding = pdf_finding(uploaded)
        return "unreadable_pdf" if finding == "unreadable" else finding
    if extension in OFFICE_OPEN_XML:
        return office_finding(uploaded, "ooxml")
    if extension in OPEN_DOCUMENT:
        return office_finding(uploaded, "odf")
    return None


def check_upload(uploaded):
    """Raises ValidationError, in the editor's language, unless the file may be published."""
    limit = settings.DOCUMENT_MAX_UPLOAD_SIZE
    if uploaded.size > limit:
        raise ValidationError(
            _("This file is %(size)s; the largest file the library accepts is %(limit)s.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )
    extension = uploaded.name.rsplit(".", 1)[-1].lower() if "." in uploaded.name else ""
    allowed = settings.WAGTAILDOCS_EXTENSIONS
    if extension not in allowed:
        raise ValidationError(
            _("Files of type “%(extension)s” are not accepted. Accepted types: %(allowed)s.")
            % {"extension": extension or "?", "allowed": ", ".join(allowed)},
            code="file_type",
        )
    if not content_matches(uploaded, extension):
        raise ValidationError(
            _(
                "The content of this file is not a %(extension)s file, although its name says"
                " so. Save it again in that format, or give it the right extension."
            )
            % {"extension": extension.upper()},
            code="file_content",
        )
    if finding := active_content(uploaded, extension):
        raise ValidationError(
            ACTIVE_CONTENT_REASONS[finding] % {"extension": extension.upper()},
            code="active_content",
        )
    uploaded.seek(0)
