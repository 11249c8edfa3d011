"""Search that finds a Portuguese plural from its singular, on both databases.

SQLite: the FTS5 table now holds a stemmed, folded copy of each entry's title and text,
written by triggers through portal_stem() (Snowball, registered on every connection by
search.stemming), with a plain tokenizer. PostgreSQL: the stored vector is stemmed with the
plain Portuguese or English configuration first and folded afterwards (unaccent before the
stemmer made "inovações" and "inovação" two different stems); queries go through the same
function.
"""

from django.db import migrations

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS portal_searchentry_au",
    "DROP TRIGGER IF EXISTS portal_searchentry_ad",
    "DROP TRIGGER IF EXISTS portal_searchentry_ai",
    "DROP TABLE IF EXISTS portal_searchentry_fts",
]
SQLITE_FORWARD = [
    *SQLITE_DROP,
    """CREATE VIRTUAL TABLE portal_searchentry_fts USING fts5(
        title, text, tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER portal_searchentry_ai AFTER INSERT ON portal_searchentry BEGIN
        INSERT INTO portal_searchentry_fts(rowid, title, text)
        VALUES (new.id, portal_stem(new.language, new.title), portal_stem(new.language, new.text));
    END""",
    """CREATE TRIGGER portal_searchentry_ad AFTER DELETE ON portal_searchentry BEGIN
        DELETE FROM portal_searchentry_fts WHERE rowid = old.id;
    END""",
    """CREATE TRIGGER portal_searchentry_au AFTER UPDATE ON portal_searchentry BEGIN
        DELETE FROM portal_searchentry_fts WHERE rowid = old.id;
        INSERT INTO portal_searchentry_fts(rowid, title, text)
        VALUES (new.id, portal_stem(new.language, new.title), portal_stem(new.language, new.text));
    END""",
    """INSERT INTO portal_searchentry_fts(rowid, title, text)
        SELECT id, portal_stem(language, title), portal_stem(language, text)
        FROM portal_searchentry""",
]
# The 0005 table and triggers, for going back.
SQLITE_BACKWARD = [
    *SQLITE_DROP,
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
    "INSERT INTO portal_searchentry_fts(portal_searchentry_fts) VALUES ('rebuild')",
]

# A tsvector stemmed with the configuration, then each lexeme folded (positions kept).
POSTGRES_VECTOR_FUNCTION = r"""
CREATE OR REPLACE FUNCTION portal_folded_vector(config regconfig, body text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(
      '''' || replace(replace(public.unaccent('public.unaccent'::regdictionary, lexeme),
                              '\', '\\'), '''', '''''') || ''':'
      || array_to_string(positions, ','), ' ')::tsvector, ''::tsvector)
  FROM unnest(to_tsvector(config, coalesce(body, '')))
$$"""
# The query's words through the same function, all required; with prefix, each a prefix.
POSTGRES_QUERY_FUNCTION = r"""
CREATE OR REPLACE FUNCTION portal_folded_query(config regconfig, body text, prefix boolean)
RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(
      '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''''
      || CASE WHEN prefix THEN ':*' ELSE '' END, ' & ')::tsquery, ''::tsquery)
  FROM unnest(portal_folded_vector(config, body))
$$"""
CONFIG = (
    "CASE language WHEN 'pt' THEN 'portuguese'::regconfig "
    "WHEN 'en' THEN 'english'::regconfig ELSE 'simple'::regconfig END"
)
OLD_CONFIG = (
    "CASE language WHEN 'pt' THEN 'portuguese_unaccent'::regconfig "
    "WHEN 'en' THEN 'english_unaccent'::regconfig ELSE 'simple'::regconfig END"
)


def postgres_vector(expression):
    return [
        "DROP INDEX IF EXISTS portal_searchentry_vector",
        "ALTER TABLE portal_searchentry DROP COLUMN IF EXISTS search_vector",
        "ALTER TABLE portal_searchentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
        f"setweight({expression.format('title')}, 'A') || "
        f"setweight({expression.format('text')}, 'B')) STORED",
        "CREATE INDEX portal_searchentry_vector ON portal_searchentry USING GIN (search_vector)",
    ]


POSTGRES_FORWARD = [
    POSTGRES_VECTOR_FUNCTION,
    POSTGRES_QUERY_FUNCTION,
    *postgres_vector(f"portal_folded_vector({CONFIG}, {{}})"),
]
POSTGRES_BACKWARD = [
    *postgres_vector(f"to_tsvector({OLD_CONFIG}, coalesce({{}}, ''))"),
    "DROP FUNCTION IF EXISTS portal_folded_query(regconfig, text, boolean)",
    "DROP FUNCTION IF EXISTS portal_folded_vector(regconfig, text)",
]


def run(statements):
    def apply(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("portal", "0012_models_moved_out")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
