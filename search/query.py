"""Full-text queries over SearchEntry, per database engine, always within one language."""

import hashlib
import re

from django.db import connection
from django.db.models import Q
from django.db.models.functions import Left

from core.versioned_cache import remember
from search import synonyms
from search.models import SearchEntry

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 1000
EXCERPT = 240  # characters of an entry's text that a result shows
# Stem first, fold after: portal_folded_vector() and portal_folded_query() of portal's 0013.
POSTGRES_CONFIGS = {"pt": "portuguese", "en": "english"}
WORD = re.compile(r"\w+")
# Ranking reads each ranked row from the table, and a common word matches a sixth of 200,000
# entries: PostgreSQL ranks at most this many title matches and this many other matches.
CANDIDATES = 1000
# Constant SQL; the visitor's words travel only as bound parameters. A title match outranks a
# match in the text alone (weights A and B), so title matches are gathered first, by the
# title's own index (migration search/0002); below CANDIDATES matches the ranking is complete.
# {tsquery} is search.synonyms.postgres_query()'s expression (constant SQL, bound words).
# `language || ''` keeps the planner off the language index: it holds half the table, and
# ANDing its bitmap made a two-word query eight times slower.
POSTGRES_SEARCH = """
SELECT id FROM (
    (SELECT id, title,
            ts_rank(search_vector, {tsquery}) AS rank
     FROM portal_searchentry
     WHERE language || '' = %(language)s AND (%(kind)s = '' OR kind = %(kind)s)
       AND title_vector @@ {tsquery}
     LIMIT %(candidates)s)
    UNION
    (SELECT id, title,
            ts_rank(search_vector, {tsquery}) AS rank
     FROM portal_searchentry
     WHERE language || '' = %(language)s AND (%(kind)s = '' OR kind = %(kind)s)
       AND search_vector @@ {tsquery}
     LIMIT %(candidates)s)
) AS candidates
ORDER BY rank DESC, title
LIMIT %(limit)s
"""


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
    if connection.vendor == "postgresql":
        return postgres_search(language, kind, " ".join(words), prefix)
    entries = SearchEntry.objects.filter(language=language)
    if kind:
        entries = entries.filter(kind=kind)
    ranked = entries.filter(*[Q(title__icontains=w) | Q(text__icontains=w) for w in words])
    return list(ranked.values_list("pk", flat=True)[:MAX_RESULTS])


def cached_search(request, language, query, kind=None, prefix=False):
    """search(), remembered under the content version: a repeated query costs one cache read."""
    words = " ".join(WORD.findall(query)[:20]).casefold()  # both engines ignore case
    digest = hashlib.sha256(words.encode()).hexdigest()[:32]
    name = f"search:{language}:{kind or 'all'}:{int(prefix)}:{digest}"
    return remember(request, name, lambda: search(language, query, kind, prefix))


def entries_in_order(ids):
    """The entries with these ids, in the order given, each with the start of its text as
    `excerpt` (a document's text can be a whole PDF's: it is not fetched)."""
    entries = SearchEntry.objects.defer("text").annotate(excerpt=Left("text", EXCERPT + 1))
    found = entries.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def postgres_search(language, kind, query, prefix=False):
    tsquery, words = synonyms.postgres_query(language, WORD.findall(query))
    params = {
        **words,
        "config": POSTGRES_CONFIGS.get(language, "simple"),
        "prefix": prefix,
        "language": language,
        "kind": kind or "",
        "candidates": CANDIDATES,
        "limit": MAX_RESULTS,
    }
    with connection.cursor() as cursor:
        cursor.execute(POSTGRES_SEARCH.replace("{tsquery}", tsquery), params)
        return [row[0] for row in cursor.fetchall()]


def sqlite_search(language, kind, words, prefix=False):
    # Stemmed like the index (search.stemming), synonyms expanded; every word quoted, so FTS5
    # operators in the visitor's text are taken as plain words.
    match = synonyms.fts5_match(language, words, prefix)
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
