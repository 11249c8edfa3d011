"""Afresh, the walk starts from the home page in the active language read with its own fields
in one query (core/routing.py `walk`), not Wagtail's locale, translation and .specific, and
reaches the page Wagtail's Page.route_for_request reaches, its fallback included; the menu
takes that home page instead of reading it again."""

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Page

import pytest

from core import routing
from core.navigation import home_page
from tests.portal.factories import ContentPageFactory


def walked(language, path):
    """(core.routing's walk, Wagtail's Page.route_for_request) for a fresh request each."""
    results = []
    with translation.override(language):
        for route in (
            lambda request: routing.walk(request, [c for c in path.split("/") if c]),
            lambda request: Page.route_for_request(request, path),
        ):
            result = route(RequestFactory().get(f"/{language}{path}"))
            results.append(result and (type(result.page), result.page.pk, result.args))
    return results


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pt", "en"])
def test_the_walk_finds_what_wagtails_finds(homes, language):
    home = homes[language]
    ContentPageFactory(parent=home, locale=home.locale, slug="guia")
    for path in ("/", "/guia/", "/nada/"):
        ours, wagtails = walked(language, path)
        assert ours == wagtails, path
    assert walked(language, "/")[0][:2] == (type(home.specific), home.pk)


@pytest.mark.django_db
def test_an_unpublished_translation_falls_back_as_in_wagtail(homes):
    homes["en"].unpublish()
    ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale, slug="guia")
    for path in ("/", "/guia/"):
        ours, wagtails = walked("en", path)
        assert ours == wagtails and ours is not None, path


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pt", "en"])
def test_the_site_and_the_home_page_cost_two_queries_and_the_menu_none(homes, language):
    with translation.override(language):
        request = RequestFactory().get(f"/{language}/")
        with CaptureQueriesContext(connection) as queries:
            found = routing.walk(request, [])
        assert len(queries) == 2  # the site, then the home page with its own fields
        with CaptureQueriesContext(connection) as queries:
            assert home_page(request) == found.page == homes[language]
        assert len(queries) == 0
        assert home_page(request, "pt" if language == "en" else "en") != found.page
