"""Full-text queries over SearchEntry, per database engine, always within one language."""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from search.models import SearchEntry

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 1000
POSTGRES_CONFIGS = {"pt": "portuguese_unaccent", "en": "english_unaccent"}
WORD = re.compile(r"\w+")


def clean_query(raw):
    """The query without NUL or control characters, trimmed to a sane length."""
    text = "".join(ch if ch.isprintable() else " " for ch in (raw or "")[: MAX_QUERY_LENGTH * 4])
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search(language, query, kind=None):
    """The ids of matching entries, best first (at most MAX_RESULTS); no words match nothing.

    Ids only: a result page loads its own ten entries (`entries_in_order`).
    """
    words = WORD.findall(query)[:20]
    if not words:
        return []
    if connection.vendor == "sqlite":
        return sqlite_search(language, kind, words)
    entries = SearchEntry.objects.filter(language=language)
    if kind:
        entries = entries.filter(kind=kind)
    if connection.vendor == "postgresql":
        ranked = postgres_search(entries, language, query)
    else:
        ranked = entries.filter(*[Q(title__icontains=w) | Q(text__icontains=w) for w in words])
    return list(ranked.values_list("pk", flat=True)[:MAX_RESULTS])


def entries_in_order(ids):
    """The entries with these ids, in the order given."""
    found = SearchEntry.objects.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


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


def sqlite_search(language, kind, words):
    # Every word quoted: FTS5 operators in the visitor's text are taken as plain words.
    match = " ".join(f'"{word}"' for word in words)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT e.id FROM portal_searchentry_fts "
            "JOIN portal_searchentry e ON e.id = portal_searchentry_fts.rowid "
            "WHERE portal_searchentry_fts MATCH %s AND e.language = %s "
            "AND (%s = '' OR e.kind = %s) "
            "ORDER BY bm25(portal_searchentry_fts, 5.0, 1.0), e.title LIMIT %s",
            [match, language, kind or "", kind or "", MAX_RESULTS],
        )
        return [row[0] for row in cursor.fetchall()]
