"""Full-text queries over SearchEntry, per database engine, always within one language."""

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from django.db import connection
from django.db.models import Q
from django.db.models.functions import Left

from core.versioned_cache import remember
from search import promotions, ranking, stemming, synonyms
from search.models import SearchEntry

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 1000
EXCERPT = 240  # characters of an entry's text that a result shows
# Stem first, fold after: portal_folded_vector() and portal_folded_query() of portal's 0013.
POSTGRES_CONFIGS = {"pt": "portuguese", "en": "english"}
WORD = re.compile(r"\w+")
STOP_WORDS = Path(__file__).resolve().parent / "stopwords"
# Ranking reads each ranked row from the table, and a common word matches a sixth of 200,000
# entries: both engines rank at most this many entries of each branch (candidate_branches()).
CANDIDATES = 1000
# The query's words side by side, stemmed and folded like the vector (stop words keep their
# place: "ciclo de vida" is 'cicl' <2> 'vid').
POSTGRES_PHRASE = (
    "public.unaccent('public.unaccent'::regdictionary, "
    "phraseto_tsquery(%(config)s::regconfig, %(phrase_query)s)::text)::tsquery"
)
# The visitor's words as tsqueries, read first as text: every word ({tsquery}, the expression of
# search.synonyms.postgres_query(), constant SQL over bound words) and the phrase. Read inside
# the ranking query they were folded by the planner at every mention (a third of its time).
POSTGRES_QUERIES = f"SELECT ({{tsquery}})::text, ({POSTGRES_PHRASE})::text"
# Weights from search/ranking.py: the title (label A) over the text (B), a phrase, the kind.
POSTGRES_RANK = (
    "ts_rank(%(weights)s::float4[], search_vector, %(any)s::tsquery, %(normalisation)s)"
    " * {kind_case}"  # ranking.kind_case(): the registered kinds' boosts
    " * (CASE WHEN %(phrase)s AND search_vector @@ %(phrase_tsquery)s::tsquery"
    " THEN %(phrase_boost)s ELSE 1.0 END)"
)


# Both engines: an entry of the searched language and kind (`|| ''`: see postgres_ranking()).
IN_LANGUAGE_AND_KIND = "language || '' = %(language)s AND (%(kind)s = '' OR kind = %(kind)s)"


def candidate_branches(any_word_branch):
    """The branches of the candidate set, widest first, as (words, title only): entries with
    any of the words (only when "any" differs from "every"), with every word, with every word
    in the title. Each branch holds all of the next one's matches."""
    return [("any", False)] * any_word_branch + [("all", False), ("all", True)]


def postgres_candidates(n, words, title):
    """Branch n of the ranking query, the common table `branch_<n>`: at most CANDIDATES
    entries of the language and kind whose title (or whole vector) matches `words` (a
    parameter's name), ranked. Asked only when every narrower branch holds fewer (see
    postgres_ranking())."""
    vector = "title_vector" if title else "search_vector"
    # Every narrower branch was asked and is not full (a branch not asked holds nothing).
    narrower = [f"(SELECT count(*) FROM branch_{k}) < %(candidates)s AND " for k in range(n)]  # noqa: S608
    return f"""branch_{n} AS (
    SELECT id, title, search_vector @@ %(all)s::tsquery AS has_all, {POSTGRES_RANK} AS rank
     FROM portal_searchentry
     WHERE {"".join(narrower)}{IN_LANGUAGE_AND_KIND} AND {vector} @@ %({words})s::tsquery
     LIMIT %(candidates)s)"""  # noqa: S608 - constants only


def postgres_ranking(any_word_branch):
    """The ranking query. Constant SQL; the visitor's words travel only as bound parameters.

    An entry with every word counts ALL_WORDS_BOOST times. The branches go narrowest first
    (every word in the title, by the title's own index, migration search/0002; every word; any
    word, only when "any" differs from "every", not for one word), each asked only when those
    before it hold fewer than CANDIDATES each (PostgreSQL skips it whole: a one-time filter). Below
    the bound every branch is asked and the ranking is complete. Above it the ranking was
    already an approximation (the first CANDIDATES of each branch the table holds); now the
    narrowest full branch's are ranked, mostly the entries that rank first anyway (not always:
    a kind's boost, a long text, one word in a title can outrank), and a common word's GIN
    bitmap is built once, not once a branch (docs/search.md, "At scale").
    `language || ''` keeps the planner off the language index: it holds half the table, and
    ANDing its bitmap made a two-word query eight times slower.
    """
    branches = candidate_branches(any_word_branch)[::-1]  # narrowest first
    ctes = [postgres_candidates(n, *branch) for n, branch in enumerate(branches)]
    union = " UNION ".join(f"SELECT * FROM branch_{n}" for n in range(len(branches)))  # noqa: S608
    return f"""
WITH {", ".join(ctes)}
SELECT id FROM ({union}) AS candidates
ORDER BY rank * (CASE WHEN has_all THEN %(all_boost)s ELSE 1.0 END) DESC, title
LIMIT %(limit)s
"""  # noqa: S608 - constants only


def sqlite_candidates(n, words, title):
    """Branch n of the candidate set, the common table `branch_<n>`: at most CANDIDATES
    entries of the language and kind matching `words` (a parameter's name). Asked only when
    branch n - 1 is full: below the bound, that one holds all of this one's matches."""
    # FTS5's column filter around the words, which synonyms.fts5_match() quoted.
    match = f"'{{title}} : (' || %({words})s || ')'" if title else f"%({words})s"
    full = f"AND (SELECT count(*) FROM branch_{n - 1}) = %(candidates)s" if n else ""  # noqa: S608
    return f"""branch_{n} AS (
    SELECT e.id FROM portal_searchentry_fts
    JOIN portal_searchentry e ON e.id = portal_searchentry_fts.rowid
    WHERE portal_searchentry_fts MATCH {match} AND {IN_LANGUAGE_AND_KIND} {full}
    LIMIT %(candidates)s)"""  # noqa: S608 - constants only


# SQLite: bm25 is negative, lower is better, so a boost multiplies it.
SQLITE_RANKING = """
WITH {branches}, candidates AS ({union})
SELECT e.id FROM (
    SELECT rowid, bm25(portal_searchentry_fts, %(title_weight)s, %(text_weight)s) AS score
    FROM portal_searchentry_fts
    WHERE portal_searchentry_fts MATCH %(any)s AND +rowid IN candidates
) AS m CROSS JOIN portal_searchentry e ON e.id = m.rowid
ORDER BY m.score * {kind_case}{boosts}, e.title
LIMIT %(limit)s
"""
# Every word and the phrase: a MATCH each (FTS5 allows one per table reference).
SQLITE_BOOSTS = """ * (CASE WHEN e.id IN (
    SELECT rowid FROM portal_searchentry_fts
    WHERE portal_searchentry_fts MATCH %(all)s AND +rowid IN candidates
) THEN %(all_boost)s ELSE 1.0 END) * (CASE WHEN e.id IN (
    SELECT rowid FROM portal_searchentry_fts
    WHERE portal_searchentry_fts MATCH %(phrase)s AND +rowid IN candidates
) THEN %(phrase_boost)s ELSE 1.0 END)"""


def sqlite_ranking(any_word_branch, boosts):
    """The ranking query, bounded as postgres_ranking(). Constant SQL; the visitor's words
    travel only as bound parameters.

    The candidates are the union of the branches (sqlite_candidates()), each filtered by
    language and kind before its bound. bm25 comes from one MATCH of any word over them, so
    each scores as it would among every match: below the bound, the results are those of
    ranking every match. `+rowid` keeps the candidates out of FTS5's plan: given rowids, FTS5
    starts the MATCH, and bm25 its counts, again for each (90 times slower); CROSS JOIN reads
    the scores first. The boosts, with several words only (for one word both are 1), are
    MATCHes of their own, read among the candidates.
    """
    branches = candidate_branches(any_word_branch)
    ctes = [sqlite_candidates(n, *branch) for n, branch in enumerate(branches)]
    union = " UNION ".join(f"SELECT id FROM branch_{n}" for n in range(len(branches)))  # noqa: S608
    return (
        SQLITE_RANKING.replace("{branches}", ",\n".join(ctes))
        .replace("{union}", union)
        .replace("{boosts}", SQLITE_BOOSTS if boosts else "")
    )


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
    return postgres_search(language, kind, " ".join(words), prefix)  # the only other engine


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
        "phrase_query": stemming.with_endings(language, query),
        "prefix": prefix,
        "phrase": not prefix and len(WORD.findall(query)) > 1,
        "phrase_boost": ranking.PHRASE_BOOST,
        "all_boost": ranking.ALL_WORDS_BOOST,
        "weights": ranking.POSTGRES_WEIGHTS,
        "normalisation": ranking.POSTGRES_NORMALISATION,
        "language": language,
        "kind": kind or "",
        "candidates": CANDIDATES,
        "limit": MAX_RESULTS,
    }
    kind_case, kind_params = ranking.kind_case("kind")
    with connection.cursor() as cursor:
        cursor.execute(POSTGRES_QUERIES.replace("{tsquery}", tsquery), params)
        every, phrase = cursor.fetchone()
        any_word = every.replace(" & ", " | ")  # any of the words: every word's ANDs as ORs
        tsqueries = {"all": every, "any": any_word, "phrase_tsquery": phrase}
        sql = postgres_ranking(any_word != every).replace("{kind_case}", kind_case)
        cursor.execute(sql, {**params, **tsqueries, **kind_params})
        return [row[0] for row in cursor.fetchall()]


@lru_cache(maxsize=4)
def stop_words(language):
    """Snowball's stop words (the lists PostgreSQL's configurations use), folded."""
    path = STOP_WORDS / f"{language}.txt"
    words = path.read_text(encoding="utf-8").split() if path.exists() else []
    return frozenset(stemming.fold(word) for word in words)


def content_words(language, words):
    """The words without stop words ("o que é a PCP" -> PCP), as PostgreSQL's configuration
    drops them; all of them when nothing else is left."""
    kept = [word for word in words if stemming.fold(word) not in stop_words(language)]
    return kept or words


def fts5_phrase(language, words):
    """The words' stems as one FTS5 phrase (side by side, in order)."""
    stems = [stem for word in words for stem in stemming.stem_words(language, word)]
    return '"' + " ".join(stems) + '"'


def sqlite_search(language, kind, words, prefix=False):
    # Stemmed like the index (search.stemming); every word quoted, so FTS5 operators in the
    # visitor's text are taken as plain words.
    typed = words
    stop = None if prefix else (lambda word: stemming.fold(word) in stop_words(language))
    if not prefix:
        words = content_words(language, words)
    match = synonyms.fts5_match(language, typed, prefix, stop=stop)  # synonyms expanded
    if not match:
        return []
    if prefix or len(words) == 1:  # suggestions: every word; one word: nothing to tier
        any_word, phrase = match, ""
    else:
        any_word = synonyms.fts5_match(language, typed, any_word=True, stop=stop)
        phrase = fts5_phrase(language, typed)  # as typed: the index keeps the stop words
    params = {
        "any": any_word,
        "all": match,
        "phrase": phrase,
        "phrase_boost": ranking.PHRASE_BOOST,
        "all_boost": ranking.ALL_WORDS_BOOST,
        "title_weight": ranking.TITLE_WEIGHT,
        "text_weight": ranking.TEXT_WEIGHT,
        "language": language,
        "kind": kind or "",
        "candidates": CANDIDATES,
        "limit": MAX_RESULTS,
    }
    kind_case, kind_params = ranking.kind_case("e.kind")
    sql = sqlite_ranking(any_word != match, bool(phrase)).replace("{kind_case}", kind_case)
    with connection.cursor() as cursor:
        cursor.execute(sql, {**params, **kind_params})
        return [row[0] for row in cursor.fetchall()]


def without_promoted(ids, language, promoted):
    """The result ids without the entries of the promoted items (search.promotions); one
    query, none if no promotion."""
    if not promoted:
        return ids
    objects = Q()
    for item in promoted:
        objects |= Q(object_id=item["object_id"])
    entries = SearchEntry.objects.filter(objects, language=language).only("kind", "object_id")
    duplicates = {entry.pk for entry in entries if promotions.is_promoted(entry, promoted)}
    return [pk for pk in ids if pk not in duplicates]
