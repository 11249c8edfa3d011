"""How search results are ordered, on both databases: every weight lives here, but the kinds'
boosts, registered with each kind (search.registry).

A result's score is the engine's text score (SQLite FTS5's bm25, PostgreSQL's ts_rank), in
which a word in the title counts TITLE_WEIGHT times a word in the text, multiplied by
PHRASE_BOOST when the query's words stand side by side in that order, and by the boost of
the entry's kind: answers (FAQ entries, guidance pages, case studies) before a library
sheet that merely mentions the words. docs/search.md explains the choices.
"""

from search import registry

# A word matched in the title (a page's title, an FAQ question, a glossary term) against the
# same word matched in the body text.
TITLE_WEIGHT = 10.0
TEXT_WEIGHT = 1.0

# An entry holding every word of the query (not a stop word) against one holding only some.
ALL_WORDS_BOOST = 2.0

# Two words or more found as typed, side by side ("ciclo de vida"), against found apart.
PHRASE_BOOST = 1.5

# Each kind of entry (SearchEntry.kind) carries its boost where it is registered
# (search.registry): FAQ answers 1.6, pages and case studies 1.4, glossary terms 1.2, webinars
# 1.0, library documents 0.7 (a sheet's summary mentions many words it is not about).

# PostgreSQL's ts_rank: weights of the labels {D, C, B, A}; the title is A, the text B
# (migration portal/0013). Normalisation 1 divides by 1 + log(length), so a long PDF's text
# does not win by repeating a word.
POSTGRES_WEIGHTS = [0.0, 0.0, TEXT_WEIGHT / TITLE_WEIGHT, 1.0]
POSTGRES_NORMALISATION = 1


def kind_case(column):
    """`CASE <column> WHEN … THEN … ELSE 1.0 END` with named parameters, and their values:
    constant SQL for the registered kinds, whose names and boosts travel as parameters."""
    kinds = registry.kinds()
    whens = " ".join(f"WHEN %(kind_{i})s THEN %(boost_{i})s" for i in range(len(kinds)))
    params = {}
    for i, kind in enumerate(kinds):
        params[f"kind_{i}"], params[f"boost_{i}"] = kind.kind, kind.boost
    return f"(CASE {column} {whens} ELSE 1.0 END)", params
