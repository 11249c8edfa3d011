"""Settings from the environment: production refuses to start without its secrets."""

import json
import os
import subprocess
import sys

from django.conf import settings
from django.db import connection
from django.utils.module_loading import import_string

import pytest
from psycopg import ClientCursor

from procureplus.settings.env import frontend_cache, media_storage

SAMPLE = {
    "SECRET_KEY": "sample-" + "k" * 60,
    "ALLOWED_HOSTS": "portal.example.pt",
}

SHOW_HOSTS = (
    "import django; django.setup(); from django.conf import settings as s; print(s.ALLOWED_HOSTS)"
)
SHOW_DATABASE_OPTIONS = (
    "import json; from django.conf import settings as s;"
    " print(json.dumps(s.DATABASES['default'].get('OPTIONS', {})))"
)
POSTGRES_URL = "postgres://user@db.example:5432/procureplus"


def start_production(code=SHOW_HOSTS, **overrides):
    env = {k: v for k, v in os.environ.items() if k not in SAMPLE and k not in overrides}
    env.update({k: v for k, v in overrides.items() if v is not None})
    env["DJANGO_SETTINGS_MODULE"] = "procureplus.settings.production"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_starts_with_its_configuration():
    result = start_production(**{**SAMPLE, "ALLOWED_HOSTS": "portal.example.pt, www.example.pt"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['portal.example.pt', 'www.example.pt']"


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    result = start_production(**{**SAMPLE, missing: None})
    assert result.returncode != 0
    assert f"The environment variable {missing} must be set" in result.stderr


def test_blank_value_counts_as_missing():
    result = start_production(**{**SAMPLE, "SECRET_KEY": "   "})
    assert result.returncode != 0


def production_database_options(**overrides):
    result = start_production(SHOW_DATABASE_OPTIONS, **{**SAMPLE, **overrides})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [
        (None, {"server_side_binding": True, "prepare_threshold": 1}),  # on by default
        ("5", {"server_side_binding": True, "prepare_threshold": 5}),
        ("", {}),  # off, for PgBouncer in transaction pooling mode: Django's own binding
    ],
)
def test_postgresql_prepares_repeated_queries_unless_told_not_to(threshold, expected):
    options = production_database_options(
        DATABASE_URL=POSTGRES_URL, DATABASE_PREPARE_THRESHOLD=threshold
    )
    assert options == expected


def test_sqlite_never_gets_postgresql_options():
    options = production_database_options(DATABASE_URL="sqlite:///db.sqlite3")
    assert "server_side_binding" not in options
    assert "prepare_threshold" not in options
    assert options["transaction_mode"] == "IMMEDIATE"


@pytest.mark.django_db
def test_the_running_connection_binds_as_configured():
    """This run's own connection: prepared statements on PostgreSQL, unless the variable is
    empty; SQLite keeps its own options."""
    connection.ensure_connection()
    if connection.vendor != "postgresql":
        assert "server_side_binding" not in connection.settings_dict["OPTIONS"]
        return
    threshold = os.environ.get("DATABASE_PREPARE_THRESHOLD", "1").strip()
    assert connection.connection.prepare_threshold == (int(threshold) if threshold else None)
    with connection.cursor() as cursor:
        assert isinstance(cursor.cursor, ClientCursor) == (not threshold)  # Django binds itself


def test_media_on_object_storage_by_environment_alone():
    assert media_storage({})["BACKEND"].endswith("FileSystemStorage")
    s3 = media_storage(
        {
            "AWS_STORAGE_BUCKET_NAME": "procureplus-media",
            "AWS_S3_ENDPOINT_URL": "https://s3.example",
        }
    )
    assert s3["BACKEND"] == "storages.backends.s3.S3Storage"
    assert s3["OPTIONS"]["bucket_name"] == "procureplus-media"
    assert s3["OPTIONS"]["default_acl"] == "private"
    assert import_string(s3["BACKEND"])  # the package is installed


def test_frontend_cache_purge_by_environment_alone():
    assert frontend_cache({}) == {}
    proxy = frontend_cache({"FRONTEND_CACHE_PURGE_URL": "http://varnish:8000"})
    assert proxy["proxy"]["LOCATION"] == "http://varnish:8000"
    assert "cloudflare" in frontend_cache({"CLOUDFLARE_API_TOKEN": "t", "CLOUDFLARE_ZONE_ID": "z"})
