"""The embedded default (SQLite): the server, the task worker and a command write the same file
at once without "database is locked". Real processes, each configured by the project's own
settings from DATABASE_URL, on a file database (WAL and locks do not exist for :memory:)."""

import json
import os
import sqlite3
import subprocess
import sys

from django.conf import settings

import pytest

WRITERS, WRITES = 4, 40

# Each writer: the project's database settings (DATABASE_URL names the file; no app is
# loaded, to start fast), then read-then-write
# transactions, the pattern a deferred transaction loses ("database is locked").
WRITER = """
import json, os, pathlib, sys, time
from django.db import OperationalError, connection, transaction
deferred, ready, writers = sys.argv[1] == "deferred", pathlib.Path(sys.argv[2]), int(sys.argv[3])
if deferred:
    connection.settings_dict["OPTIONS"]["transaction_mode"] = None  # the control run
(ready / str(os.getpid())).touch()  # start together: once every writer has started
while len(list(ready.iterdir())) < writers:
    time.sleep(0.005)
errors = []
for _ in range(int(sys.argv[4])):
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT n FROM counter")
                (n,) = cursor.fetchone()
                time.sleep(0.002)
                cursor.execute("UPDATE counter SET n = %s", [n + 1])
    except OperationalError as error:
        errors.append(str(error))
with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    mode = cursor.fetchone()[0]
print(json.dumps({"errors": errors, "journal_mode": mode}))
"""


def run_writers(path, deferred=False):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{path}"}
    env["DJANGO_SETTINGS_MODULE"] = "procureplus.settings.test"
    ready = path.parent / "ready"
    ready.mkdir()
    args = ["deferred" if deferred else "immediate", str(ready), str(WRITERS), str(WRITES)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, *args],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(WRITERS)
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    with sqlite3.connect(path) as db:
        (total,) = db.execute("SELECT n FROM counter").fetchone()
    return results, total


@pytest.fixture
def database_file(tmp_path):
    path = tmp_path / "shared.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE counter (n INTEGER)")
        db.execute("INSERT INTO counter VALUES (0)")
    return path


def test_concurrent_writers_never_meet_a_locked_database(database_file):
    results, total = run_writers(database_file)
    assert [r["errors"] for r in results] == [[]] * WRITERS
    assert {r["journal_mode"] for r in results} == {"wal"}
    assert total == WRITERS * WRITES  # every read-then-write counted: none lost, none failed


def test_deferred_transactions_would_fail_so_the_test_can_tell(database_file):
    """The control: the same writers with SQLite's default (deferred) transactions collide."""
    results, total = run_writers(database_file, deferred=True)
    errors = [e for r in results for e in r["errors"]]
    assert errors
    assert all("locked" in e for e in errors)
    assert total < WRITERS * WRITES


def test_the_settings_configure_sqlite_for_several_processes():
    from procureplus.settings.env import sqlite_options

    options = sqlite_options(20)
    assert options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"]
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
