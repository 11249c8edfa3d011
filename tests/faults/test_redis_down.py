"""Redis refused, or stopped mid-run and started again: pages answer 200 (uncached), the
content version comes from its row, POSTs go through uncounted, one warning a minute per
part, and the caches are used again by themselves once Redis is back.

The cache is configured by the production settings' own function (cache_backend) with the
page and fragment caches on, as in production, and the project's middleware."""

import logging
import time

from django.core.cache import cache
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from core import degraded
from core.models import ContentVersion
from procureplus.settings.env import cache_backend
from tests.redis_server import RedisProcess

HEADER = "X-Page-Cache"
REFUSED = "redis://127.0.0.1:1/2"  # nothing listens on port 1
RETRY_SECONDS = 0.3  # production waits 5 s before trying a failed Redis again


@pytest.fixture
def production_caches(settings):
    settings.PAGE_CACHE_SECONDS = settings.FRAGMENT_CACHE_SECONDS = 600
    degraded.forget()

    def use(url):
        settings.CACHES = {"default": cache_backend(url, retry_seconds=RETRY_SECONDS)}
        cache.clear()

    return use


@pytest.fixture
def redis_process(tmp_path):
    server = RedisProcess(tmp_path).start()
    yield server
    server.stop()


def wait_out_the_pause():
    time.sleep(RETRY_SECONDS + 0.1)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_refused_redis_pages_answer_200_uncached(client, homes, production_caches, code, caplog):
    production_caches(REFUSED)
    for _ in range(3):
        response = client.get(f"/{code}/")
        assert response.status_code == 200
        assert HEADER not in response or response[HEADER] == "miss"
        assert response["Content-Language"] == code
    assert client.get("/healthz").status_code == 200
    ready = client.get("/readyz")
    assert (ready.status_code, ready.json()["status"], ready.json()["failing"]) == (
        200,
        "degraded",
        ["cache"],
    )


@pytest.mark.django_db
def test_refused_redis_the_version_is_the_row(homes, production_caches):
    production_caches(REFUSED)
    before = ContentVersion.current()
    assert before == ContentVersion.stored()
    ContentVersion.objects.update_or_create(pk=1, defaults={"number": before + 5})
    assert ContentVersion.current() == before + 5


@pytest.mark.django_db
def test_refused_redis_an_edit_shows_at_once(
    client, homes, production_caches, django_capture_on_commit_callbacks
):
    production_caches(REFUSED)
    assert "Início" in client.get("/pt/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        homes["pt"].title = "Início renovado"
        homes["pt"].save_revision().publish()
    assert "Início renovado" in client.get("/pt/").content.decode()


@pytest.mark.django_db
def test_refused_redis_posts_go_through_uncounted(client, homes, production_caches, settings):
    production_caches(REFUSED)
    settings.PUBLIC_POST_RATE_LIMIT = 1
    restriction = PageViewRestriction.objects.create(
        page=homes["pt"], restriction_type=PageViewRestriction.PASSWORD, password="segredo"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, homes["pt"].pk])
    statuses = [client.post(url, {"password": "x", "return_url": "/"}).status_code for _ in "abc"]
    assert statuses == [200, 200, 200]  # the form again with its error, never 429 nor 500


@pytest.mark.django_db
def test_one_warning_a_minute_per_part(client, homes, production_caches, caplog, settings):
    production_caches(REFUSED)
    settings.PUBLIC_POST_RATE_LIMIT = 1
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            wait_out_the_pause()  # each request really tries Redis
            client.get("/pt/")
            client.get("/en/")
            client.post("/pt/pesquisa/", {"q": "x"})
    warnings = [r.getMessage() for r in caplog.records if r.name == "core.degraded"]
    parts = sorted(message.split(":")[0] for message in warnings)
    assert parts == ["cache", "content version", "rate limit"]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.django_db
def test_a_dead_redis_costs_one_attempt_per_pause(homes, production_caches):
    production_caches(REFUSED)
    cache.get("first")  # fails, and starts the pause
    started = time.monotonic()
    for _ in range(200):
        assert cache.get("skipped") is None
    assert time.monotonic() - started < 0.2  # no network at all while paused


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_redis_stopped_mid_run_then_back(client, homes, production_caches, redis_process, code):
    production_caches(redis_process.url)
    path = f"/{code}/"
    assert client.get(path)[HEADER] == "miss"
    assert client.get(path)[HEADER] == "hit"

    redis_process.stop()
    for _ in range(3):
        response = client.get(path)
        assert response.status_code == 200
        assert response.get(HEADER) in (None, "miss")
        assert response["Content-Language"] == code

    redis_process.start()  # empty: nothing persisted
    wait_out_the_pause()
    assert client.get(path)[HEADER] == "miss"
    database = connections["default"]
    with CaptureQueriesContext(database) as queries:
        assert client.get(path)[HEADER] == "hit"
    assert len(queries) == 0  # the version is read from Redis again, not from the row
