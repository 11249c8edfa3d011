"""Full-text search structures, per database.

PostgreSQL: the unaccent extension and Portuguese and English text-search configurations
that fold accents before stemming. SQLite: an FTS5 table over the search entries, kept in step
by triggers, whose tokenizer folds accents and applies the Porter stemmer.
"""

from django.db import migrations

POSTGRES_CONFIGS = {"portuguese_unaccent": "portuguese", "english_unaccent": "english"}

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE portal_searchentry_fts USING fts5(
        title, text, content='portal_searchentry', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER portal_searchentry_ai AFTER INSERT ON portal_searchentry BEGIN
        INSERT INTO portal_searchentry_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    """CREATE TRIGGER portal_searchentry_ad AFTER DELETE ON portal_searchentry BEGIN
        INSERT INTO portal_searchentry_fts(portal_searchentry_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END""",
    """CREATE TRIGGER portal_searchentry_au AFTER UPDATE ON portal_searchentry BEGIN
        INSERT INTO portal_searchentry_fts(portal_searchentry_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO portal_searchentry_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS portal_searchentry_au",
    "DROP TRIGGER IF EXISTS portal_searchentry_ad",
    "DROP TRIGGER IF EXISTS portal_searchentry_ai",
    "DROP TABLE IF EXISTS portal_searchentry_fts",
]


def postgres_forward():
    statements = ["CREATE EXTENSION IF NOT EXISTS unaccent"]
    for name, base in POSTGRES_CONFIGS.items():
        statements += [
            f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}",
            f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {base})",
            f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR hword, hword_part, word "
            f"WITH unaccent, {base}_stem",
        ]
    return statements


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": postgres_forward(), "sqlite": SQLITE_FORWARD}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for name in POSTGRES_CONFIGS:
            schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
    elif vendor == "sqlite":
        for statement in SQLITE_BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("portal", "0004_search_entry")]

    operations = [migrations.RunPython(forward, backward)]
