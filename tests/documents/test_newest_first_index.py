"""The library's "newest first" index survives the migrations on every database engine."""

from django.db import connection

import pytest


@pytest.mark.django_db
def test_newest_first_index_exists():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "documents_librarydocument")
    assert "document_newest_first" in constraints
