"""Full-text queries over SearchEntry, per database engine, always within one language."""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from portal.models import SearchEntry

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 1000
POSTGRES_CONFIGS = {"pt": "portuguese_unaccent", "en": "english_unaccent"}
WORD = re.compile(r"\w+")


def clean_query(raw):
    """The query without NUL or control characters, trimmed to a sane length."""
    text = "".join(ch if ch.isprintable() else " " for ch in (raw or "")[: MAX_QUERY_LENGTH * 4])
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search(language, query, kind=None):
    """Matching entries, best first; a query with no words matches nothing."""
    words = WORD.findall(query)[:20]
    if not words:
        return []
    entries = SearchEntry.objects.filter(language=language)
    if kind:
        entries = entries.filter(kind=kind)
    if connection.vendor == "postgresql":
        return list(postgres_search(entries, language, query)[:MAX_RESULTS])
    if connection.vendor == "sqlite":
        return sqlite_search(entries, words)
    return list(entries.filter(*[Q(title__icontains=w) | Q(text__icontains=w) for w in words]))


def postgres_search(entries, language, query):
    config = POSTGRES_CONFIGS.get(language, "simple")
    # The stored, GIN-indexed vector of migration 0010 (title weighted A, text B).
    vector = RawSQL('"portal_searchentry"."search_vector"', [], output_field=SearchVectorField())
    search_query = SearchQuery(query, config=config, search_type="websearch")
    return (
        entries.annotate(document=vector, rank=SearchRank(vector, search_query))
        .filter(document=search_query)
        .order_by("-rank", "title")
    )


def sqlite_search(entries, words):
    # Every word quoted: FTS5 operators in the visitor's text are taken as plain words.
    match = " ".join(f'"{word}"' for word in words)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM portal_searchentry_fts WHERE portal_searchentry_fts MATCH %s "
            "ORDER BY bm25(portal_searchentry_fts, 5.0, 1.0) LIMIT %s",
            [match, MAX_RESULTS * 2],
        )
        ranked = [row[0] for row in cursor.fetchall()]
    found = {entry.pk: entry for entry in entries.filter(pk__in=ranked)}
    return [found[pk] for pk in ranked if pk in found]
