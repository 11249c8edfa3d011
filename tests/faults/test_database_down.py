"""The database unreachable: 503 with Retry-After, in the language of the address's prefix,
rendered without a query; /healthz 200, /readyz 503. An ordinary 500 follows the prefix too.

The connection is made to fail as a refused one does (every cursor raises OperationalError),
with the project's middleware and error handlers, on SQLite and PostgreSQL alike."""

import logging
from contextlib import contextmanager
from unittest import mock

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.utils import InterfaceError, OperationalError
from django.test import Client

import pytest

from core import degraded
from core.views import DATABASE_RETRY_AFTER
from procureplus.settings import base
from procureplus.settings.env import cache_backend
from tests.html import read_page

HEADINGS = {
    "pt": "O portal está temporariamente indisponível",
    "en": "The portal is temporarily unavailable",
}


@contextmanager
def database_down(error=OperationalError):
    """Every query fails as when the server refuses connections (or dropped this one)."""
    refused = error('connection to server at "127.0.0.1", port 5432 failed: Connection refused')
    with mock.patch.object(connections["default"], "ensure_connection", side_effect=refused):
        yield


@pytest.fixture(autouse=True)
def process_cache(settings):
    """Process memory, whatever REDIS_URL says: the pages are rendered, never a cached copy."""
    settings.CACHES = {"default": cache_backend("")}
    cache.clear()  # process memory outlives a settings change: nothing from an earlier test


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)  # as a real server: the error page, not a raise


def test_the_tests_run_the_project_middleware():
    assert settings.MIDDLEWARE == base.MIDDLEWARE


@pytest.mark.django_db
@pytest.mark.parametrize("page_cache", [600, 0])  # failing in the page cache, or in the view
@pytest.mark.parametrize(
    ("address", "language"),
    [("/en/", "en"), ("/pt/", "pt"), ("/en/search/?q=x", "en"), ("/pt/pesquisa/", "pt")],
)
def test_503_in_the_language_of_the_address(
    visitor, homes, settings, page_cache, address, language
):
    settings.PAGE_CACHE_SECONDS = settings.FRAGMENT_CACHE_SECONDS = page_cache
    other = "pt" if language == "en" else "en"
    assert visitor.get(f"/{other}/").status_code == 200  # the worker's previous language
    with database_down():
        response = visitor.get(address)
    assert response.status_code == 503
    assert response["Retry-After"] == str(DATABASE_RETRY_AFTER)
    assert response["Content-Language"] == language
    parts = read_page(response)
    assert (parts.lang, parts.h1) == (language, HEADINGS[language])
    assert HEADINGS[other] not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("address", "language"),
    [("/", "pt"), ("/xx/", "pt"), ("/en", "en"), ("/documents/1/a.pdf", "pt")],
)
def test_the_prefix_decides_and_none_is_portuguese(visitor, address, language):
    with database_down():
        response = visitor.get(address, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 503
    assert read_page(response).lang == language


@pytest.mark.django_db
def test_a_lost_connection_is_503_too(visitor, homes):
    with database_down(InterfaceError):
        response = visitor.get("/en/")
    assert response.status_code == 503
    assert read_page(response).lang == "en"


@pytest.mark.django_db
def test_a_post_gets_the_503_too(visitor, homes):
    with database_down():
        response = visitor.post("/en/search/", {"q": "x"})
    assert response.status_code == 503
    assert read_page(response).lang == "en"


@pytest.mark.django_db
def test_probes_healthz_alive_readyz_not_ready(visitor):
    with database_down():
        alive, ready = visitor.get("/healthz"), visitor.get("/readyz")
    assert alive.status_code == 200
    assert ready.status_code == 503
    assert ready.json()["status"] == "failing"
    assert ready.json()["failing"] == ["database"]


@pytest.mark.django_db
def test_logged_once_a_minute_not_once_per_request(visitor, homes, caplog):
    degraded.forget()
    with database_down(), caplog.at_level(logging.ERROR, logger="django.request"):
        for _ in range(5):
            assert visitor.get("/pt/").status_code == 503
    assert len([r for r in caplog.records if r.name == "django.request"]) == 1


@pytest.mark.django_db
@pytest.mark.parametrize(  # before LocaleMiddleware has read the address, and in the view
    "failing", ["core.page_cache.page_key", "core.routing.cached_route"]
)
@pytest.mark.parametrize("language", ["pt", "en"])
def test_an_ordinary_500_follows_the_address_language(visitor, homes, settings, failing, language):
    settings.PAGE_CACHE_SECONDS = 600
    other = "pt" if language == "en" else "en"
    visitor.get(f"/{other}/")  # leaves the other language active in this thread
    with mock.patch(failing, side_effect=RuntimeError("boom")):
        response = visitor.get(f"/{language}/?fresh")
    assert response.status_code == 500
    assert "Retry-After" not in response
    parts = read_page(response)
    assert parts.lang == language
    assert parts.h1 == {"pt": "Ocorreu um erro", "en": "Something went wrong"}[language]
