"""CSV downloads of listings, with the filters the visitor applied, streamed row by row."""

import csv
import re
from decimal import Decimal

from django.http import StreamingHttpResponse
from django.utils import translation

# Spreadsheet programs run cells that start with these as formulas (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The control characters XML 1.0 (so XLSX: openpyxl raises on them) cannot hold; \t \n \r stay.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def safe_text(text):
    """Visitors' text made inert for spreadsheets: control characters dropped, and a leading
    apostrophe where the cell would start a formula."""
    text = CONTROL_CHARACTERS.sub("", text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_cell(value):
    """A CSV cell: numbers as they are (a negative number is no formula), anything else as
    safe text."""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return value
    return safe_text("" if value is None else str(value))


class Echo:
    """A file for csv.writer that hands each written row back instead of keeping it."""

    def write(self, value):
        return value


def csv_lines(header, rows, language):
    # The body is written after the view returns: the rows' labels keep the request's language.
    with translation.override(language):
        writer = csv.writer(Echo())
        yield "\ufeff"  # BOM: spreadsheet programs then read the accents right
        yield writer.writerow([safe_cell(cell) for cell in header])
        for row in rows:
            yield writer.writerow([safe_cell(cell) for cell in row])


def csv_response(filename, header, rows):
    """rows: an iterable (a generator over queryset.iterator()) so memory stays bounded."""
    response = StreamingHttpResponse(
        csv_lines(header, rows, translation.get_language()),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
