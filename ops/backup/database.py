"""The database part of a backup, copied with the engine's own tool (SQLite's backup API,
pg_dump), so search triggers, sequences and extensions come back exactly as they were."""

import os
import sqlite3
import subprocess

from django.conf import settings
from django.db import connections
from django.utils.translation import gettext as _

from .errors import BackupError

SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"


def engine():
    vendor = connections["default"].vendor
    if vendor not in ("sqlite", "postgresql"):
        message = _("Backups support SQLite and PostgreSQL, not %(vendor)s.")
        raise BackupError(message % {"vendor": vendor})
    return vendor


def postgres_arguments():
    db = settings.DATABASES["default"]
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    args = ["--host", db.get("HOST") or "localhost", "--port", str(db.get("PORT") or 5432)]
    args += ["--username", db.get("USER") or "postgres", "--dbname", db["NAME"]]
    return args, env


def sqlite_connection():
    """The raw sqlite3 connection Django uses (the same in-memory database in tests)."""
    connection = connections["default"]
    connection.ensure_connection()
    return connection.connection


def dump_database(folder):
    """Writes the database into folder and returns the file's name."""
    if engine() == "sqlite":
        with sqlite3.connect(folder / SQLITE_FILE) as target:
            sqlite_connection().backup(target)
        return SQLITE_FILE
    args, env = postgres_arguments()
    dump = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", *args]
    command = [*dump, "--file", str(folder / POSTGRES_FILE)]
    subprocess.run(command, env=env, check=True)  # noqa: S603 (arguments from settings)
    return POSTGRES_FILE


def load_database(folder, vendor):
    if vendor == "sqlite":
        with sqlite3.connect(folder / SQLITE_FILE) as source:
            source.backup(sqlite_connection())
        return
    connections.close_all()  # pg_restore drops the tables: no open transaction may hold them
    args, env = postgres_arguments()
    restore = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges"]
    command = [*restore, "--single-transaction", *args, str(folder / POSTGRES_FILE)]
    subprocess.run(command, env=env, check=True)  # noqa: S603 (arguments from settings)
