"""How search results are ordered, on both databases: every weight lives here.

A result's score is the engine's text score (SQLite FTS5's bm25, PostgreSQL's ts_rank), in
which a word in the title counts TITLE_WEIGHT times a word in the text, multiplied by
PHRASE_BOOST when the query's words stand side by side in that order, and by the boost of
the entry's kind: answers (FAQ entries, guidance pages, case studies) before a library
sheet that merely mentions the words. docs/search.md explains the choices.
"""

# A word matched in the title (a page's title, an FAQ question, a glossary term) against the
# same word matched in the body text.
TITLE_WEIGHT = 10.0
TEXT_WEIGHT = 1.0

# An entry holding every word of the query (not a stop word) against one holding only some.
ALL_WORDS_BOOST = 2.0

# Two words or more found as typed, side by side ("ciclo de vida"), against found apart.
PHRASE_BOOST = 1.5

# Per kind of entry (SearchEntry.kind); a kind not listed counts 1.0.
KIND_BOOST = {
    "faq": 1.6,  # a direct answer to a buyer's question
    "page": 1.4,  # guidance pages, modules, event reports
    "case_study": 1.4,
    "glossary": 1.2,  # a definition: short, to the point, but not the whole answer
    "webinar": 1.0,
    "document": 0.7,  # a library sheet: its summary mentions many words it is not about
}

# PostgreSQL's ts_rank: weights of the labels {D, C, B, A}; the title is A, the text B
# (migration portal/0013). Normalisation 1 divides by 1 + log(length), so a long PDF's text
# does not win by repeating a word.
POSTGRES_WEIGHTS = [0.0, 0.0, TEXT_WEIGHT / TITLE_WEIGHT, 1.0]
POSTGRES_NORMALISATION = 1


def kind_case(column):
    """`CASE <column> WHEN … THEN … ELSE 1.0 END` with named parameters, and their values:
    constant SQL, the kinds and boosts travel as parameters."""
    whens = " ".join(f"WHEN %(kind_{i})s THEN %(boost_{i})s" for i in range(len(KIND_BOOST)))
    params = {}
    for i, (kind, boost) in enumerate(KIND_BOOST.items()):
        params[f"kind_{i}"], params[f"boost_{i}"] = kind, boost
    return f"(CASE {column} {whens} ELSE 1.0 END)", params
