# SearchEntry moved here from the portal app: state only, the table (and on SQLite its FTS5
# twin, on PostgreSQL its search vector) keep their names and were made by portal's migrations.

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SearchEntry",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("language", models.CharField(db_index=True, max_length=5)),
                        ("kind", models.CharField(choices=[("page", "Page"), ("document", "Document"), ("webinar", "Webinar"), ("case_study", "Case study")], db_index=True, max_length=12)),
                        ("object_id", models.PositiveBigIntegerField()),
                        ("title", models.CharField(max_length=255)),
                        ("text", models.TextField(blank=True)),
                    ],
                    options={
                        "verbose_name": "search entry",
                        "verbose_name_plural": "search entries",
                        "db_table": "portal_searchentry",
                        "constraints": [models.UniqueConstraint(fields=("kind", "object_id", "language"), name="unique_search_entry")],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
