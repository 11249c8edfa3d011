"""A keyboard user: skip link first, focus always visible, switcher, filters and forms usable."""

from urllib.parse import parse_qs, urlsplit

import pytest

from .keyboard import focused, tab_stops, tab_to
from .pages import VISITS

OTHER = {"pt": "en", "en": "pt"}


@pytest.mark.parametrize(("name", "language"), VISITS)
def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(visit, name, language):
    page = visit(name, language)
    page.keyboard.press("Tab")
    first = focused(page)
    assert "skip-link" in first["cls"] and first["onScreen"] and first["indicator"], first
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"


@pytest.mark.parametrize(("name", "language"), VISITS)
def test_every_focused_element_shows_it(visit, name, language):
    stops = tab_stops(visit(name, language))
    assert len(stops) > 5
    unseen = [stop for stop in stops if not (stop["indicator"] and stop["onScreen"])]
    assert unseen == []


@pytest.mark.parametrize("language", ["pt", "en"])
def test_language_switcher_by_keyboard(site, visit, language):
    page = visit("case-study", language)
    tab_to(page, ".lang-switcher a")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.lang") == OTHER[language]
    assert urlsplit(page.url).path == site[1]["case-study", OTHER[language]]


def choose_next_option(page, select):
    tab_to(page, select)
    page.keyboard.press("ArrowDown")
    return page.evaluate("s => document.querySelector(s).value", select)


@pytest.mark.parametrize("language", ["pt", "en"])
@pytest.mark.parametrize(
    ("name", "select", "parameter"),
    [
        ("library-filtered", "#f-language", "language"),
        ("case-index-filtered", "#f-sector", "sector"),
        ("search-results", "#search-type", "type"),
    ],
)
def test_filters_by_keyboard(visit, language, name, select, parameter):
    page = visit(name, language)
    value = choose_next_option(page, select)
    assert value
    tab_to(page, "form.filters button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert parse_qs(urlsplit(page.url).query)[parameter] == [value]
    assert page.evaluate("s => document.querySelector(s).value", select) == value


@pytest.mark.parametrize(("language", "query"), [("pt", "diálogo"), ("en", "dialogue")])
def test_header_search_by_keyboard(visit, language, query):
    page = visit("home", language)
    tab_to(page, "#site-search")
    page.keyboard.type(query)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert parse_qs(urlsplit(page.url).query)["q"] == [query]
    assert page.locator(".search-results > li").count() > 0
