"""Synonyms and acronyms (search.models.Synonym), expanded when a query is run.

A run of the query's words that matches a form of a synonym (compared by stems, so case,
accents and plurals do not matter) is searched as any of the group's forms: the OR of the
alternatives, each a phrase when it has several words. Nothing is expanded in the index, so
an edit takes effect at once: saving a synonym clears the cached table (and, as a content
change, the cached results).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from search import stemming
from search.models import MAX_FORMS, Synonym

CACHE_KEY = "search:synonyms"
CACHE_SECONDS = 3600  # a safety net: saving or deleting a synonym clears the key at once
MAX_SYNONYMS = 500
MAX_FORM_WORDS = 8  # a longer form is never matched (nor would a visitor type it)
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@dataclass(frozen=True)
class Segment:
    words: tuple  # the query's words this segment stands for
    alternatives: tuple = ()  # the forms searched instead; empty: the words themselves


def build():
    """For each language: the stems of each form -> every form of its group(s)."""
    tables = {code: {} for code in LANGUAGES}
    for synonym in Synonym.objects.all()[:MAX_SYNONYMS]:
        for code, table in tables.items():
            forms = synonym.forms(code)[: MAX_FORMS + 2]
            if len(forms) < 2:
                continue
            for form in forms:
                key = tuple(stemming.stem_words(code, form))
                if key and len(key) <= MAX_FORM_WORDS:
                    table[key] = tuple(dict.fromkeys([*table.get(key, ()), *forms]))
    return tables


def table(language):
    tables = cache.get(CACHE_KEY)
    if tables is None:
        tables = build()
        cache.set(CACHE_KEY, tables, CACHE_SECONDS)
    return tables.get(language, {})


def forget(**kwargs):
    cache.delete(CACHE_KEY)


def connect():
    post_save.connect(forget, sender=Synonym, dispatch_uid="synonyms_saved")
    post_delete.connect(forget, sender=Synonym, dispatch_uid="synonyms_deleted")


def expand(language, words):
    """The query's words as segments, longest matching form first, left to right."""
    lookup = table(language)
    if not lookup:
        return [Segment((word,)) for word in words]
    stems = [next(iter(stemming.stem_words(language, word)), "") for word in words]
    longest = max(map(len, lookup))
    segments, start = [], 0
    while start < len(words):
        for size in range(min(longest, len(words) - start), 0, -1):
            forms = lookup.get(tuple(stems[start : start + size]))
            if forms:
                segments.append(Segment(tuple(words[start : start + size]), forms))
                start += size
                break
        else:
            segments.append(Segment((words[start],)))
            start += 1
    return segments


def fts5_match(language, words, prefix=False, any_word=False, stop=None):
    """stemming.fts5_match with each matched run replaced by the OR of its forms' phrases;
    any_word: the segments ORed (an entry holding some of them), else ANDed. Forms are matched
    on the words as typed ("compras públicas de inovação"); then the plain words for which
    stop() is true are left out, unless nothing else is left."""
    segments = expand(language, words)
    if stop:
        kept = [s for s in segments if s.alternatives or not stop(s.words[0])]
        segments = kept or segments
    if not any(segment.alternatives for segment in segments):
        plain = [word for segment in segments for word in segment.words]
        if any_word:
            return " OR ".join(f"({stemming.fts5_match(language, [word])})" for word in plain)
        return stemming.fts5_match(language, plain, prefix)
    terms = []
    for n, segment in enumerate(segments):
        if segment.alternatives:
            phrases = {" ".join(stemming.stem_words(language, f)) for f in segment.alternatives}
            terms.append("(" + " OR ".join(f'"{p}"' for p in sorted(phrases) if p) + ")")
        else:
            last = n == len(segments) - 1
            match = stemming.fts5_match(language, list(segment.words), prefix and last)
            terms.append(f"({match})" if any_word else match)
    return (" OR " if any_word else " AND ").join(terms)


def postgres_query(language, words):
    """A tsquery expression over the bound parameters it returns: the plain words through
    portal_folded_query() as before, each matched run as the OR of its forms' phrases.

    The expression is built from constant SQL; the words travel only as parameters.
    """
    segments = expand(language, words)
    plain = [word for segment in segments if not segment.alternatives for word in segment.words]
    params = {"query": stemming.with_endings(language, " ".join(plain))}
    parts = ["portal_folded_query(%(config)s::regconfig, %(query)s, %(prefix)s)"] if plain else []
    groups = [segment.alternatives for segment in segments if segment.alternatives]
    for n, forms in enumerate(groups):
        phrases = []
        for m, form in enumerate(forms):
            params[f"form_{n}_{m}"] = stemming.with_endings(language, form)
            phrases.append(f"portal_folded_phrase(%(config)s::regconfig, %(form_{n}_{m})s)")
        parts.append("(" + " || ".join(phrases) + ")")
    return "(" + " && ".join(parts) + ")", params
