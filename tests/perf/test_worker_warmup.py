"""gunicorn's master does a worker's first-request work before it forks (worker_warmup)."""

from django.db import connections

import pytest

from procureplus import worker_warmup


def test_every_project_template_is_named():
    names = worker_warmup.public_template_names()
    assert "base.html" in names and "includes/main_nav.html" in names


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # leaves the root pages
def test_pages_are_rendered_then_connections_closed(
    client, settings, monkeypatch, portal_content, empty_cache
):
    settings.PAGE_CACHE_SECONDS = 600
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.SECURE_SSL_REDIRECT = False
    closed = []
    monkeypatch.setattr(connections, "close_all", lambda: closed.append(True))
    worker_warmup.render_pages()
    assert closed == [True]  # a fork shares no database connection
    assert client.get("/pt/", secure=True)["X-Page-Cache"] == "hit"  # as a visitor asked


def test_warm_renders_then_freezes_what_it_made(monkeypatch):
    done = []
    monkeypatch.setattr(worker_warmup, "render_pages", lambda: done.append("rendered"))
    monkeypatch.setattr(worker_warmup.gc, "freeze", lambda: done.append("frozen"))
    worker_warmup.warm()
    assert done == ["rendered", "frozen"]
