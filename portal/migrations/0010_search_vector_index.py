"""PostgreSQL: a stored, GIN-indexed tsvector per search entry, in the entry's own language.

Queries then read the index instead of computing every row's vector (100,000 documents make
200,000 entries). SQLite keeps its FTS5 table; nothing changes there.
"""

from django.db import migrations

CONFIG = (
    "CASE language WHEN 'pt' THEN 'portuguese_unaccent'::regconfig "
    "WHEN 'en' THEN 'english_unaccent'::regconfig ELSE 'simple'::regconfig END"
)
FORWARD = [
    "ALTER TABLE portal_searchentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    f"setweight(to_tsvector({CONFIG}, coalesce(title, '')), 'A') || "
    f"setweight(to_tsvector({CONFIG}, coalesce(text, '')), 'B')) STORED",
    "CREATE INDEX portal_searchentry_vector ON portal_searchentry USING GIN (search_vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS portal_searchentry_vector",
    "ALTER TABLE portal_searchentry DROP COLUMN IF EXISTS search_vector",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("portal", "0009_content_version")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
