# ContentVersion moved to core and SearchEntry to search: state only, no table changes.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0011_page_menu_title"),
        ("core", "0001_initial"),
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ContentVersion"),
                migrations.DeleteModel(name="SearchEntry"),
            ],
            database_operations=[],
        ),
    ]
