"""/healthz and /readyz: what monitoring and the stack's probes see."""

from unittest import mock

from django.conf import settings
from django.db.utils import OperationalError
from django.test import override_settings

import pytest

from procureplus.settings.env import cache_backend
from tests.ops.python_process import run_python

UNREACHABLE_REDIS = {"default": cache_backend("redis://127.0.0.1:1/7")}  # nothing on port 1


@pytest.mark.django_db
def test_healthz_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_names_every_part_when_all_answer(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok"},
        "failing": [],
    }
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_leaves_no_probe_file_behind(client):
    client.get("/readyz")
    assert not list((settings.MEDIA_ROOT / "health").glob("*"))


@pytest.mark.django_db
def test_database_down_gives_503_naming_it(client):
    failing = mock.Mock()
    failing.cursor.side_effect = OperationalError("connection refused")
    with mock.patch("ops.health.connection", failing):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["database"]
    assert response.json()["checks"]["cache"] == "ok"


@pytest.mark.django_db
def test_redis_down_is_degraded_not_unready(client):
    """Pages are served without Redis: the server stays in rotation, the cache is named."""
    with override_settings(CACHES=UNREACHABLE_REDIS):
        response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "failing", "storage": "ok"},
        "failing": ["cache"],
    }


@pytest.mark.django_db
def test_storage_down_gives_503_naming_it(client, tmp_path):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    storages = {**settings.STORAGES}
    storages["default"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(not_a_folder / "media")},
    }
    with override_settings(STORAGES=storages):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "failing",
        "checks": {"database": "ok", "cache": "ok", "storage": "failing"},
        "failing": ["storage"],
    }


@pytest.mark.django_db
def test_all_parts_down_are_all_named(client):
    failing = mock.Mock()
    failing.cursor.side_effect = OperationalError("down")
    with (
        mock.patch("ops.health.connection", failing),
        mock.patch("ops.health.default_storage.save", side_effect=OSError("down")),
        override_settings(CACHES=UNREACHABLE_REDIS),
    ):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["database", "cache", "storage"]


@pytest.mark.django_db
@override_settings(PAGE_CACHE_SECONDS=600)
@pytest.mark.parametrize("address", ["/healthz", "/readyz"])
def test_never_stored_by_the_page_cache(client, address):
    client.get(address)
    response = client.get(address)
    assert "X-Page-Cache" not in response


@pytest.mark.parametrize("address", ["/healthz", "/readyz"])
def test_only_get(client, address):
    assert client.post(address).status_code == 405


def test_not_in_the_sitemap_or_under_a_language(client, homes):
    assert "healthz" not in client.get("/sitemap.xml").content.decode()
    assert client.get("/pt/healthz/").status_code == 404


@pytest.mark.django_db
@override_settings(PUBLIC_POST_RATE_LIMIT=1)
def test_never_rate_limited(client):
    assert all(client.get("/readyz").status_code == 200 for _ in range(5))


PROBE = """
import django; django.setup()
from django.test import Client
c = Client()
print(c.get("/healthz", HTTP_HOST="portal.example.pt").status_code)
print(c.get("/robots.txt", HTTP_HOST="portal.example.pt").status_code)
"""


def test_production_answers_probes_over_plain_http():
    result = run_python(
        PROBE,
        DJANGO_SETTINGS_MODULE="procureplus.settings.production",
        SECRET_KEY="sample-" + "k" * 60,
        ALLOWED_HOSTS="portal.example.pt",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["200", "301"]  # other addresses go to HTTPS
