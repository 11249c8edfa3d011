"""An index of Wagtail's page tree by depth and path: the children of a page (the main menu) and
each step of routing (a slug at a depth under a path) were a scan of every page.

Wagtail indexes the path alone, so "depth = 3 AND path LIKE '00010002%'" read every page of a
language: 0.7 ms on SQLite, 1.1 ms of PostgreSQL's time at 4,000 pages, on every page served
cold. Raw SQL on Wagtail's table, so Wagtail's models are untouched; a migration of Wagtail's
that rebuilds the table on SQLite would drop it, and tests/core/test_page_tree_index.py says so.
"""

from django.db import migrations

INDEX = "core_page_depth_path"


class Migration(migrations.Migration):
    dependencies = [("core", "0003_outgoing_mail_named_as_messages"), ("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (depth, path)",
            f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
