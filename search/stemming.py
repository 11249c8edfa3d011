"""Snowball stems for the search index: text and queries stemmed alike, per language.

SQLite's FTS5 has only the English Porter stemmer, so each entry's title and text are
stemmed here (Portuguese or English Snowball) and folded before they reach the FTS5 table,
and every query word goes through the same function; the displayed title and text stay as
written. The stemmer needs the accents ("inovações" -> "inov"), so a Portuguese word typed
without them gets its usual ending back first ("inovacoes" -> "inovações").
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from search.plurals import fold_plurals

ALGORITHMS = {"pt": "portuguese", "en": "english"}
WORD = re.compile(r"\w+")
SQL_FUNCTION = "portal_stem"
# Portuguese endings typed without accents, longest first: the stemmer's rules need them.
PT_ENDINGS = (
    ("coes", "ções"),
    ("soes", "sões"),
    ("encias", "ências"),
    ("ancias", "âncias"),
    ("encia", "ência"),
    ("ancia", "ância"),
    ("aveis", "áveis"),
    ("iveis", "íveis"),
    ("cao", "ção"),
    ("sao", "são"),
    ("oes", "ões"),
    ("aes", "ães"),
    ("avel", "ável"),
    ("ivel", "ível"),
    ("ao", "ão"),
)


@lru_cache(maxsize=4)
def stemmer(language):
    return snowballstemmer.stemmer(ALGORITHMS.get(language, "english"))


def fold(word):
    """The word in lower case without accents ("Inovações" -> "inovacoes")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def restore_ending(word):
    """A Portuguese word typed without accents with its accented ending back, if it has one."""
    if len(word) < 5 or not word.isascii():
        return word
    for plain, accented in PT_ENDINGS:
        if word.endswith(plain):
            return word[: -len(plain)] + accented
    return word


@lru_cache(maxsize=65536)  # a document repeats its words: each is prepared once
def prepare(language, word):
    """The word as Snowball wants it: lower case; in Portuguese, accented ending and singular."""
    word = word.casefold()
    return fold_plurals(restore_ending(word)) if language == "pt" else word


def stem_words(language, text):
    """Each word of the text stemmed in its language, then folded."""
    words = [prepare(language, word) for word in WORD.findall(text or "")]
    return [fold(stem) for stem in stemmer(language).stemWords(words)]


def stem_text(language, text):
    return " ".join(stem_words(language, text))


def with_endings(language, text):
    """The text prepared word by word (endings, singular) for PostgreSQL's own stemmer, so that
    both engines stem the same words."""
    if language != "pt":
        return text
    return WORD.sub(lambda match: prepare(language, match.group()), text or "")


def fts5_match(language, words, prefix=False):
    """An FTS5 MATCH expression over the stemmed columns: every word, quoted (no operators).

    With prefix, the last word also matches longer words ("inov" -> "inovação").
    """
    stems = [stem for word in words for stem in stem_words(language, word)]
    if not stems:
        return ""
    terms = [f'"{stem}"' for stem in stems]
    if prefix:
        last = words[-1]
        options = {stems[-1], fold(last.casefold())}
        terms[-1] = "(" + " OR ".join(f'"{option}"*' for option in sorted(options)) + ")"
    return " AND ".join(terms)


def register_sqlite_function(sender, connection, **kwargs):
    """Make portal_stem(language, text) callable from SQL: the FTS5 triggers use it."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQL_FUNCTION, 2, stem_text, deterministic=True)
