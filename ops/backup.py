"""Backups of the database and the uploaded files, one .tar.gz each, for SQLite and PostgreSQL.

The database is copied with the engine's own tool (SQLite's backup API, pg_dump), so search
triggers, sequences and extensions come back exactly as they were.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connections

MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"
MEDIA_DIR = "media"


class BackupError(Exception):
    pass


def engine():
    vendor = connections["default"].vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
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


def create_backup(output_dir):
    """Writes procureplus-<UTC time>.tar.gz into output_dir and returns its path."""
    vendor = engine()
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    archive = output_dir / f"procureplus-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database_file = dump_database(folder)
        manifest = {"engine": vendor, "created": stamp, "database": database_file}
        (folder / MANIFEST).write_text(json.dumps(manifest))
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(folder / MANIFEST, MANIFEST)
            tar.add(folder / database_file, database_file)
            media = Path(settings.MEDIA_ROOT)
            if media.exists():
                tar.add(media, MEDIA_DIR)
    return archive


def restore_backup(archive):
    """Replaces the database and the uploaded files with those of the archive."""
    vendor = engine()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        try:
            with tarfile.open(archive, "r:gz") as tar:
                tar.extractall(folder, filter="data")  # refuses absolute paths and links out
            manifest = json.loads((folder / MANIFEST).read_text())
        except (tarfile.TarError, OSError, ValueError) as error:
            raise BackupError(f"{archive} is not a backup of this portal: {error}") from error
        if manifest["engine"] != vendor:
            raise BackupError(
                f"This backup holds a {manifest['engine']} database; this portal runs on {vendor}."
            )
        load_database(folder, vendor)
        replace_media(folder / MEDIA_DIR)
    return manifest


def replace_media(source):
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    for child in media.iterdir():
        shutil.rmtree(child) if child.is_dir() else child.unlink()
    if source.exists():
        shutil.copytree(source, media, dirs_exist_ok=True)
