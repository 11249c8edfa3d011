"""A cached page whose time runs out is rendered again by one request; the others meanwhile get
the old copy (core/page_cache.py), so an expiry under load is one render, not a stampede."""

import threading
import time

from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

import pytest

from core.page_cache import HEADER, AnonymousPageCacheMiddleware, page_key

SECONDS = 600


class SlowPage:
    """A view that counts its renders; while `gate` is closed, a render waits on it."""

    def __init__(self):
        self.renders = 0
        self.gate = threading.Event()
        self.gate.set()
        self.started = threading.Event()

    def __call__(self, request):
        self.renders += 1
        self.started.set()
        assert self.gate.wait(10)
        return HttpResponse(f"render {self.renders}")


def visit(middleware):
    request = RequestFactory().get("/pt/", HTTP_HOST="127.0.0.1")
    request.content_version = 7  # no database in the worker threads
    return middleware(request)


@pytest.fixture
def page(settings, empty_cache):
    settings.PAGE_CACHE_SECONDS = SECONDS
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    view = SlowPage()
    return view, AnonymousPageCacheMiddleware(view)


def test_a_fresh_page_is_a_hit(page):
    view, middleware = page
    assert visit(middleware)[HEADER] == "miss"
    assert visit(middleware)[HEADER] == "hit"
    assert view.renders == 1


def test_an_expired_page_is_rendered_once_while_the_rest_get_the_old_copy(page, monkeypatch):
    view, middleware = page
    visit(middleware)
    later = time.time() + SECONDS + 1
    monkeypatch.setattr("core.page_cache.time.time", lambda: later)

    view.gate.clear()  # the refreshing request stays in its render
    refresher = {}
    thread = threading.Thread(target=lambda: refresher.update(response=visit(middleware)))
    thread.start()
    assert view.started.wait(10)
    others = [visit(middleware) for _ in range(20)]
    assert {response[HEADER] for response in others} == {"stale"}
    assert {response.content for response in others} == {b"render 1"}
    view.gate.set()
    thread.join(10)

    assert view.renders == 2  # one refresh for 21 requests
    assert refresher["response"][HEADER] == "miss"
    assert refresher["response"].content == b"render 2"
    after = visit(middleware)
    assert (after[HEADER], after.content) == ("hit", b"render 2")


def test_a_failed_refresh_lets_the_next_request_try(page, monkeypatch):
    view, middleware = page
    visit(middleware)
    later = time.time() + SECONDS + 1
    monkeypatch.setattr("core.page_cache.time.time", lambda: later)
    failing = AnonymousPageCacheMiddleware(lambda request: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        visit(failing)
    assert visit(middleware)[HEADER] == "miss"  # not locked out by the failed refresh
    assert view.renders == 2


def test_the_old_copy_is_kept_no_longer_than_twice_the_time(page, monkeypatch):
    view, middleware = page
    stored = {}
    monkeypatch.setattr(
        "core.page_cache.cache.set", lambda key, value, timeout: stored.update(timeout=timeout)
    )
    visit(middleware)
    assert stored["timeout"] == 2 * SECONDS


def test_a_page_stored_by_an_older_release_is_rendered_anew(page):
    view, middleware = page
    visit(middleware)
    request = RequestFactory().get("/pt/", HTTP_HOST="127.0.0.1")
    request.content_version = 7
    cache.set(page_key(request), HttpResponse("old release"), SECONDS)  # no fresh-until time
    assert visit(middleware)[HEADER] == "miss"
    assert visit(middleware).content == b"render 2"
