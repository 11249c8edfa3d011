"""The library's "newest first" order, and its index, on every database engine."""

from datetime import date

from django.db import connection

import pytest

from documents.models import LibraryDocument
from tests.documents.factories import LibraryDocumentFactory


@pytest.mark.django_db
def test_newest_first_index_exists():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "documents_librarydocument")
    assert "document_newest_first" in constraints


@pytest.mark.django_db
def test_every_listing_orders_newest_first_with_undated_documents_last():
    """One order, the model's (Meta.ordering, NULLS LAST): PostgreSQL puts NULLs first in a
    descending sort unless told, SQLite last; CI runs this on both."""
    undated = LibraryDocumentFactory(published_year=None)
    older = LibraryDocumentFactory(published_year=2020)
    year_only = LibraryDocumentFactory(published_year=2024)
    newest = LibraryDocumentFactory(published_year=2024, published_on=date(2024, 5, 2))
    expected = [newest.pk, year_only.pk, older.pk, undated.pk]
    assert list(LibraryDocument.objects.values_list("pk", flat=True)) == expected
    assert list(LibraryDocument.objects.public().values_list("pk", flat=True)) == expected
