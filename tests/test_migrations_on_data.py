"""The newest migration of each app goes back and forth over the real content, losing no row."""

from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

import pytest

APPS = ("portal", "documents", "casestudies", "editorial", "buyers")
# FTS5's own b-tree segments: their number depends on how the rows were written, not on them.
FTS5_SEGMENTS = ("_fts_data", "_fts_idx")


def row_counts():
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            if table.endswith(FTS5_SEGMENTS):
                continue
            if table.startswith(APPS) or table.startswith("wagtailcore_page"):
                cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 (table names)
                counts[table] = cursor.fetchone()[0]
        return counts


def newest_two(app):
    loader = MigrationLoader(connection)
    names = sorted(name for label, name in loader.disk_migrations if label == app)
    return names[-2], names[-1]


# One test for every app: the content is loaded once (a transactional test loads it afresh and
# flushes it after, tens of seconds), each app's round trip a subtest of its own.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_newest_migration_keeps_every_row(portal_content, subtests):
    for app in APPS:
        with subtests.test(app=app):
            before = row_counts()
            previous, newest = newest_two(app)
            call_command("migrate", app, previous, verbosity=0)
            # A table the newest migration creates (a new page type's) goes with it: not a loss.
            created = set(before) - set(row_counts())
            call_command("migrate", app, newest, verbosity=0)
            after = row_counts()
            assert {t: n for t, n in after.items() if t not in created} == {
                t: n for t, n in before.items() if t not in created
            }
            assert set(after) == set(before)
