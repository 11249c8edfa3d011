"""Full-text queries over SearchEntry, per database engine, always within one language."""

import re

from django.db import connection
from django.db.models import BooleanField, FloatField, Q
from django.db.models.expressions import RawSQL

from search import stemming
from search.models import SearchEntry

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 1000
# Stem first, fold after: portal_folded_vector() and portal_folded_query() of migration 0012.
POSTGRES_CONFIGS = {"pt": "portuguese", "en": "english"}
WORD = re.compile(r"\w+")


def clean_query(raw):
    """The query without NUL or control characters, trimmed to a sane length."""
    text = "".join(ch if ch.isprintable() else " " for ch in (raw or "")[: MAX_QUERY_LENGTH * 4])
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search(language, query, kind=None, prefix=False):
    """The ids of matching entries, best first (at most MAX_RESULTS); no words match nothing.

    Ids only: a result page loads its own ten entries (`entries_in_order`). With prefix, the
    last word (every word on PostgreSQL) also matches longer words, for suggestions.
    """
    words = WORD.findall(query)[:20]
    if not words:
        return []
    if connection.vendor == "sqlite":
        return sqlite_search(language, kind, words, prefix)
    entries = SearchEntry.objects.filter(language=language)
    if kind:
        entries = entries.filter(kind=kind)
    if connection.vendor == "postgresql":
        ranked = postgres_search(entries, language, " ".join(words), prefix)
    else:
        ranked = entries.filter(*[Q(title__icontains=w) | Q(text__icontains=w) for w in words])
    return list(ranked.values_list("pk", flat=True)[:MAX_RESULTS])


def entries_in_order(ids):
    """The entries with these ids, in the order given."""
    found = SearchEntry.objects.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def postgres_search(entries, language, query, prefix=False):
    config = POSTGRES_CONFIGS.get(language, "simple")
    tsquery = "portal_folded_query(%s::regconfig, %s, %s)"
    params = [config, stemming.with_endings(language, query), prefix]
    # The stored, GIN-indexed vector of migration 0012 (title weighted A, text B).
    vector = '"portal_searchentry"."search_vector"'
    # Constant SQL; the visitor's words travel only as bound parameters.
    return (
        entries.annotate(
            matches=RawSQL(f"{vector} @@ {tsquery}", params, output_field=BooleanField()),  # noqa: S611
            rank=RawSQL(f"ts_rank({vector}, {tsquery})", params, output_field=FloatField()),  # noqa: S611
        )
        .filter(matches=True)
        .order_by("-rank", "title")
    )


def sqlite_search(language, kind, words, prefix=False):
    # Stemmed like the index (search.stemming); every word quoted, so FTS5 operators in the
    # visitor's text are taken as plain words.
    match = stemming.fts5_match(language, words, prefix)
    if not match:
        return []
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
