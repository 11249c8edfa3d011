"""Restores the library's "newest first" index where SQLite dropped it.

Migration 0005 creates it in raw SQL, so Django does not know it; to add a column (0007) SQLite
rebuilds the table and keeps only the indexes Django knows. Without it the library and the home
page sorted the whole library on every request. IF NOT EXISTS: PostgreSQL kept it. A later
migration that rebuilds this table on SQLite must restore it the same way.
"""

from django.db import migrations

NULLS_LAST = {"postgresql": " NULLS LAST"}


def restore_newest_first(apps, schema_editor):
    nulls = NULLS_LAST.get(schema_editor.connection.vendor, "")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS document_newest_first ON documents_librarydocument "
        f"(published_year DESC{nulls}, published_on DESC{nulls}, created_at DESC, id ASC)"
    )


class Migration(migrations.Migration):
    dependencies = [("documents", "0007_document_original_url")]

    operations = [migrations.RunPython(restore_newest_first, migrations.RunPython.noop)]
