"""On a phone (390 x 844) the header is compact: the title and first paragraph are on the first
screen, the menu is one line whose links all stay reachable, and axe finds nothing there."""

import pytest

from .conftest import AXE_SCRIPT
from .test_accessibility import RUN_AXE, WCAG_TAGS, describe

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("language", ["pt", "en"])
def test_title_and_first_paragraph_are_on_the_first_screen(visit, language):
    page = visit("content", language)
    page.set_viewport_size(PHONE)
    first = page.locator("main p").first.bounding_box()
    assert page.locator("h1").first.bounding_box()["y"] < PHONE["height"] / 2
    assert first["y"] + first["height"] <= PHONE["height"]
    items = page.locator(".main-nav li").evaluate_all("items => items.map(i => i.offsetTop)")
    assert len(set(items)) == 1, "the menu takes one line"


@pytest.mark.parametrize("language", ["pt", "en"])
def test_every_menu_link_is_reached_by_keyboard_and_scrolled_into_view(visit, language):
    page = visit("content", language)
    page.set_viewport_size(PHONE)
    last = page.locator(".main-nav li a").last
    last.focus()
    box = last.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


@pytest.mark.parametrize("language", ["pt", "en"])
def test_no_axe_violations_on_a_phone(visit, language):
    page = visit("content", language)
    page.set_viewport_size(PHONE)
    page.add_script_tag(path=AXE_SCRIPT)
    violations = page.evaluate(RUN_AXE, WCAG_TAGS)["violations"]
    assert violations == [], describe(violations)
