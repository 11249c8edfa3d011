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


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner")
def test_the_listing_walks_the_index_after_analyze():
    """With statistics SQLite took `format_of_id IS NULL` for a selective term and sorted the
    whole library through that index; the listing now reads the newest-first index in order."""
    first = LibraryDocumentFactory()
    same = {"file": first.file.name, "collection_id": first.collection_id}  # rows only
    rows = LibraryDocument.objects.bulk_create(
        LibraryDocument(title=f"R{n}", **same) for n in range(200)
    )
    # a few second formats, as in the library: few distinct values besides NULL
    LibraryDocument.objects.bulk_create(
        LibraryDocument(title=f"F{n}", format_of=row, **same) for n, row in enumerate(rows[:10])
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        sql, params = LibraryDocument.objects.listed()[:5].query.sql_with_params()
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " / ".join(row[-1] for row in cursor.fetchall())
    assert "document_newest_first" in plan, plan
    assert "TEMP B-TREE" not in plan, plan
    assert LibraryDocument.objects.listed().count() == 201  # the second format stays folded


def plan_of(queryset):
    """The database's plan of a queryset after fresh statistics, one line."""
    explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        sql, params = queryset.query.sql_with_params()
        cursor.execute(explain + sql, params)
        return " / ".join(str(row[-1]) for row in cursor.fetchall())


@pytest.fixture
def library_with_second_formats(db):
    first = LibraryDocumentFactory()
    same = {"file": first.file.name, "collection_id": first.collection_id}  # rows only
    rows = LibraryDocument.objects.bulk_create(
        LibraryDocument(title=f"R{n}", published_year=2000 + n % 20, **same) for n in range(400)
    )
    LibraryDocument.objects.bulk_create(
        LibraryDocument(title=f"F{n}", format_of=row, **same) for n, row in enumerate(rows[:10])
    )
    return rows


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner")
def test_second_formats_are_found_by_their_own_index(library_with_second_formats):
    """The plain index of format_of averages its many NULLs in: SQLite scanned the table."""
    from documents.models.listing import SECOND_FORMATS

    ids = [row.pk for row in library_with_second_formats[:20]]
    plan = plan_of(SECOND_FORMATS.builder(len(ids))(*ids))
    assert "document_second_formats" in plan, plan
    assert "SCAN documents_librarydocument" not in plan, plan
