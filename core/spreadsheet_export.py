"""Wagtail's CSV and XLSX exports (SpreadsheetExportMixin: listings, reports, form submissions)
made safe to open: formulas neutralised, control characters dropped (openpyxl raises on them, a
500 for every later export), CSV in UTF-8 with a byte-order mark and its charset.

Mix it in before the Wagtail view (`class View(SafeSpreadsheetExport, IndexView)`), or use
safe_export_class(IndexView).
"""

from functools import cache

from django.http import StreamingHttpResponse
from django.utils import translation

from core.csv_export import safe_text

BOM = "\ufeff"  # spreadsheet programs then read the file as UTF-8 (accented headings)


def safe_value(value):
    return safe_text(value) if isinstance(value, str) else value


def in_language(language, lines):
    """The CSV's lines, after a BOM, written in `language`: they are written after the view has
    returned, when the request's language (the headings' language) is no longer active."""
    yield BOM
    with translation.override(language):
        yield from lines


class SafeSpreadsheetExport:
    def preprocess_field_value(self, field, value, export_format):
        return safe_value(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset, field):
        # Form pages' headings are the labels editors typed.
        return safe_value(super().get_heading(queryset, field))

    def stream_csv(self, queryset):
        return in_language(translation.get_language(), super().stream_csv(queryset))

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        if isinstance(response, StreamingHttpResponse):
            response["Content-Type"] = "text/csv; charset=utf-8"
        return response


@cache
def safe_export_class(view_class):
    """`view_class` with safe exports (one class per view class, for URL patterns built in a
    loop)."""
    if issubclass(view_class, SafeSpreadsheetExport):
        return view_class
    return type(view_class.__name__, (SafeSpreadsheetExport, view_class), {})
