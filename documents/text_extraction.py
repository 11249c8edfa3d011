"""Text inside uploaded files, for the site search."""

import logging

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from documents.office_text import PARTS, office_text

logger = logging.getLogger(__name__)
MAX_PAGES = 200
MAX_CHARS = 200_000


def extract_text(field_file):
    """The text of a PDF (at most MAX_PAGES pages), a .docx or an .odt; "" for other files and
    unreadable ones."""
    extension = field_file.name.rsplit(".", 1)[-1].lower()
    if extension in PARTS:
        try:
            field_file.open("rb")
            field_file.seek(0)
            return " ".join(office_text(field_file, extension).split())[:MAX_CHARS]
        except OSError as error:
            logger.warning("Could not read the text of %s: %s", field_file.name, error)
            return ""
        finally:
            field_file.seek(0)
    if extension != "pdf":
        return ""
    try:
        field_file.open("rb")
        field_file.seek(0)
        reader = PdfReader(field_file)
        parts = [page.extract_text() or "" for page in reader.pages[:MAX_PAGES]]
    except (PyPdfError, ValueError, OSError) as error:
        logger.warning("Could not read the text of %s: %s", field_file.name, error)
        return ""
    finally:
        field_file.seek(0)
    return " ".join(" ".join(parts).split())[:MAX_CHARS].replace("\x00", "")
