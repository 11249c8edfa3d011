"""CSV exports stream row by row: memory does not grow with the rows, nothing is cached."""

import tracemalloc

from wagtail.models import Collection

import pytest

from documents.models import LibraryDocument
from tests.documents.factories import DocumentLibraryPageFactory


@pytest.fixture
def library(homes):
    return DocumentLibraryPageFactory(parent=homes["en"], locale=homes["en"].locale)


def add_documents(count):
    """Rows as generate_scale_data writes them: in bulk, one shared file."""
    collection = Collection.get_first_root_node()
    LibraryDocument.objects.bulk_create(
        [
            LibraryDocument(
                title=f"Documento {n}",
                title_pt=f"Documento {n}",
                title_en=f"Document {n}",
                description_en="A synthetic row to measure the export.",
                file="documents/sample.pdf",
                file_size=100,
                collection=collection,
            )
            for n in range(count)
        ],
        batch_size=1000,
    )


def export_peak(client, url):
    """Peak bytes held while the export is read chunk by chunk, and the lines read."""
    tracemalloc.start()
    response = client.get(url)
    lines = sum(chunk.count(b"\n") for chunk in response.streaming_content)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak, lines


@pytest.mark.django_db
def test_memory_does_not_grow_with_the_rows(client, library):
    url = library.url + "csv/"
    add_documents(1000)  # two chunks of the queryset's iterator: the most held at once
    export_peak(client, url)  # first: loads what any request loads once (translations, routes)
    small, lines = export_peak(client, url)
    assert lines == 1 + 1000
    add_documents(9000)
    large, lines = export_peak(client, url)
    assert lines == 1 + 10_000
    # Built whole, the 9,000 more rows (about 200 bytes each) would hold 1.8 MB more.
    assert large - small < 300 * 1024, (small, large)
    assert large < 8 * 2**20, large


@pytest.mark.django_db
def test_the_export_starts_with_a_bom_and_is_never_cached(client, library, settings):
    settings.PAGE_CACHE_SECONDS = 600
    add_documents(3)
    assert client.get(library.url)["X-Page-Cache"] == "miss"
    assert client.get(library.url)["X-Page-Cache"] == "hit"  # the page cache is on
    for _visit in range(2):
        response = client.get(library.url + "csv/")
        assert response.streaming and "X-Page-Cache" not in response
        assert response.getvalue().startswith("\ufeff".encode())
