"""Entries written before plural folding are found by plurals once the migrations have run."""

from django.core.management import call_command
from django.db import connection

import pytest

from search import query
from search.models import SearchEntry, Synonym


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_entries_are_folded_by_the_migration():
    call_command("migrate", "search", "0002", verbosity=0)
    # Written as before folding (generated vectors on PostgreSQL, FTS5 stems on SQLite).
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO portal_searchentry (language, kind, object_id, title, text) "
            "VALUES ('pt', 'document', 1, 'Aquisição', 'Diálogo concorrencial')"
        )
    call_command("migrate", "search", verbosity=0)
    found = SearchEntry.objects.get(object_id=1, kind="document")
    assert query.search("pt", "aquisicoes") == [found.pk]
    assert query.search("pt", "dialogos concorrenciais") == [found.pk]
    assert Synonym.objects.filter(term_pt="PCP").exists()
