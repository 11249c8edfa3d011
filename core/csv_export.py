"""CSV downloads of listings, with the filters the visitor applied, streamed row by row."""

import csv

from django.http import StreamingHttpResponse
from django.utils import translation

# Spreadsheet programs run cells that start with these as formulas.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class Echo:
    """A file for csv.writer that hands each written row back instead of keeping it."""

    def write(self, value):
        return value


def csv_lines(header, rows, language):
    # The body is written after the view returns: the rows' labels keep the request's language.
    with translation.override(language):
        writer = csv.writer(Echo())
        yield "\ufeff"  # BOM: spreadsheet programs then read the accents right
        yield writer.writerow([str(cell) for cell in header])
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
