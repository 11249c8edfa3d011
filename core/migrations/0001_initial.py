# ContentVersion moved here from the portal app: state only, the table keeps its name.

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ContentVersion",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("number", models.BigIntegerField(default=0)),
                    ],
                    options={"verbose_name": "content version", "db_table": "portal_contentversion"},
                ),
            ],
            database_operations=[],
        ),
    ]
