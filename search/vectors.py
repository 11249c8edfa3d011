"""PostgreSQL: each entry's search vectors, written from text prepared in Python.

The vectors were generated columns over the raw title and text; Portuguese plurals must be
folded first (search.plurals), by the same Python function SQLite's copy uses, so the app
writes them whenever an entry is saved (`entry_saved`; a bulk_create calls `write`). Nothing
to do on SQLite: its FTS5 triggers call that function themselves (portal_stem).
"""

from django.db import connection

from search.stemming import with_endings

CONFIG = (
    "CASE language WHEN 'pt' THEN 'portuguese'::regconfig "
    "WHEN 'en' THEN 'english'::regconfig ELSE 'simple'::regconfig END"
)
# Title weighted A, text B, each stemmed by the language's configuration then folded
# (portal_folded_vector, portal's migration 0013). Constant SQL; the text goes as parameters.
UPDATE = f"""
UPDATE portal_searchentry SET
    title_vector = portal_folded_vector({CONFIG}, %(title)s),
    search_vector = setweight(portal_folded_vector({CONFIG}, %(title)s), 'A')
                 || setweight(portal_folded_vector({CONFIG}, %(text)s), 'B')
WHERE id = %(id)s
"""  # noqa: S608
BATCH = 500


def write(entries, using=None):
    """Write the vectors of these saved entries (anything with id, language, title, text)."""
    conn = connection if using is None else using
    if conn.vendor != "postgresql":
        return
    rows = [
        {
            "id": entry.id,
            "title": with_endings(entry.language, entry.title),
            "text": with_endings(entry.language, entry.text),
        }
        for entry in entries
    ]
    with conn.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(UPDATE, rows[start : start + BATCH])


def entry_saved(sender, instance, raw=False, using=None, **kwargs):
    """post_save of SearchEntry: every save writes the vectors (bulk_create calls `write`)."""
    if not raw:
        write([instance])
