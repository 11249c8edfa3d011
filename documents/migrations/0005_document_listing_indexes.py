"""Indexes for the library's "newest first" order and its category and year filters.

PostgreSQL puts NULLs first in a descending index unless told otherwise; SQLite puts them last
already and refuses NULLS LAST in an index. Either way the index matches NEWEST_FIRST + pk, so
the home page and the library read 20 rows instead of sorting the whole library.
"""

from django.db import migrations, models

NULLS_LAST = {"postgresql": " NULLS LAST"}


def create_newest_first(apps, schema_editor):
    nulls = NULLS_LAST.get(schema_editor.connection.vendor, "")
    schema_editor.execute(
        "CREATE INDEX document_newest_first ON documents_librarydocument "
        f"(published_year DESC{nulls}, published_on DESC{nulls}, created_at DESC, id ASC)"
    )


def drop_newest_first(apps, schema_editor):
    schema_editor.execute("DROP INDEX IF EXISTS document_newest_first")


class Migration(migrations.Migration):
    dependencies = [("documents", "0004_document_text")]

    operations = [
        migrations.AddIndex(
            model_name="librarydocument",
            index=models.Index(fields=["category", "published_year"], name="document_category_year"),
        ),
        migrations.RunPython(create_newest_first, drop_newest_first),
    ]
