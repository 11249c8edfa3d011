"""The library's CSV rows, read as plain values: no document objects (each holds its file, and
the two free each other only at a full garbage collection), so memory stays one chunk."""

import posixpath

from django.urls import reverse
from django.utils.translation import get_language

from documents.models.library_document import LibraryDocument

FIELDS = (
    "pk", "title_pt", "title_en", "category", "file_language", "published_year",
    "published_on", "file", "file_size", "description_pt", "description_en",
)  # fmt: skip


def translated(row, field):
    return row[f"{field}_{get_language()}"] or row[f"{field}_pt"]  # EN falls back to PT


def document_rows(library, request, documents):
    """One list of cells per document, in the order of the CSV's header."""
    categories = dict(LibraryDocument.Category.choices)
    languages = dict(LibraryDocument.FileLanguage.choices)
    library_url = request.build_absolute_uri(library.url)
    for row in documents.values(*FIELDS).iterator(chunk_size=500):
        filename = posixpath.basename(row["file"])
        # Wagtail's serve view (WAGTAILDOCS_SERVE_METHOD = "serve_view"), as Document.url gives.
        file_url = reverse("wagtaildocs_serve", args=[row["pk"], filename])
        title = translated(row, "title")
        yield [
            title,
            categories.get(row["category"], row["category"]),
            languages.get(row["file_language"], row["file_language"]),
            row["published_year"],
            row["published_on"],
            posixpath.splitext(filename)[1][1:].upper(),
            row["file_size"],
            translated(row, "description"),
            library_url + library.document_subpage(row["pk"], title),
            request.build_absolute_uri(file_url),
        ]
