"""PostgreSQL: a GIN-indexed vector of the title alone, so a common word's title matches can be
found first and only a bounded set of candidates is ranked (search/query.py). Nothing on SQLite.
"""

from django.db import migrations

CONFIG = (
    "CASE language WHEN 'pt' THEN 'portuguese'::regconfig "
    "WHEN 'en' THEN 'english'::regconfig ELSE 'simple'::regconfig END"
)
FORWARD = [
    "ALTER TABLE portal_searchentry ADD COLUMN title_vector tsvector GENERATED ALWAYS AS ("
    f"portal_folded_vector({CONFIG}, title)) STORED",
    "CREATE INDEX portal_searchentry_title_vector ON portal_searchentry USING GIN (title_vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS portal_searchentry_title_vector",
    "ALTER TABLE portal_searchentry DROP COLUMN IF EXISTS title_vector",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    # The table, its search vector and portal_folded_vector() come from portal's migrations.
    dependencies = [("search", "0001_initial"), ("portal", "0013_stemmed_search")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
