"""Portuguese plurals folded before stemming (search.plurals), on both databases.

PostgreSQL: the two vectors stop being generated from the raw text; the app writes them from
text prepared in Python (search.vectors), and this migration writes them for every entry.
SQLite: the FTS5 copy is written again through portal_stem(), which now folds plurals.
"""

from django.db import migrations

from search import vectors

CONFIG = vectors.CONFIG
SQLITE_RESTEM = [
    "DELETE FROM portal_searchentry_fts",
    """INSERT INTO portal_searchentry_fts(rowid, title, text)
        SELECT id, portal_stem(language, title), portal_stem(language, text)
        FROM portal_searchentry""",
]
POSTGRES_FORWARD = [
    "ALTER TABLE portal_searchentry ALTER COLUMN search_vector DROP EXPRESSION",
    "ALTER TABLE portal_searchentry ALTER COLUMN title_vector DROP EXPRESSION",
]
# Generated again as migrations portal/0013 and search/0002 made them.
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS portal_searchentry_vector",
    "DROP INDEX IF EXISTS portal_searchentry_title_vector",
    "ALTER TABLE portal_searchentry DROP COLUMN search_vector",
    "ALTER TABLE portal_searchentry DROP COLUMN title_vector",
    "ALTER TABLE portal_searchentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    f"setweight(portal_folded_vector({CONFIG}, title), 'A') || "
    f"setweight(portal_folded_vector({CONFIG}, text), 'B')) STORED",
    "ALTER TABLE portal_searchentry ADD COLUMN title_vector tsvector GENERATED ALWAYS AS ("
    f"portal_folded_vector({CONFIG}, title)) STORED",
    "CREATE INDEX portal_searchentry_vector ON portal_searchentry USING GIN (search_vector)",
    "CREATE INDEX portal_searchentry_title_vector ON portal_searchentry USING GIN (title_vector)",
]


def forward(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        for statement in SQLITE_RESTEM:
            schema_editor.execute(statement)
    elif connection.vendor == "postgresql":
        for statement in POSTGRES_FORWARD:
            schema_editor.execute(statement)
        entries = apps.get_model("search", "SearchEntry").objects.using(connection.alias)
        batch = []
        for entry in entries.only("id", "language", "title", "text").iterator(chunk_size=500):
            batch.append(entry)
            if len(batch) == vectors.BATCH:
                vectors.write(batch, using=connection)
                batch = []
        vectors.write(batch, using=connection)


def backward(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        for statement in SQLITE_RESTEM:
            schema_editor.execute(statement)
    elif connection.vendor == "postgresql":
        for statement in POSTGRES_BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_title_search_vector")]

    operations = [migrations.RunPython(forward, backward)]
