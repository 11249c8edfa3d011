"""WCAG 2.1 AA on every page type in both languages: axe-core, and reflow at 320 px."""

import os
from pathlib import Path

import pytest

from .conftest import AXE_SCRIPT, NARROW
from .pages import VISITS

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"


def save_screenshot(page, name, language, width):
    """With BROWSER_SCREENSHOTS=<folder>, keeps a full-page picture of each visit to look at."""
    folder = os.environ.get("BROWSER_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=Path(folder) / f"{name}-{language}-{width}.png", full_page=True)


def describe(violations):
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in violations
    )


@pytest.mark.parametrize(("name", "language"), VISITS)
def test_no_axe_violations(visit, name, language):
    page = visit(name, language)
    page.add_script_tag(path=AXE_SCRIPT)
    violations = page.evaluate(RUN_AXE, WCAG_TAGS)["violations"]
    save_screenshot(page, name, language, 1280)
    assert violations == [], describe(violations)


@pytest.mark.parametrize(("name", "language"), VISITS)
def test_nothing_scrolls_sideways_at_320px(visit, name, language):
    page = visit(name, language)
    page.set_viewport_size(NARROW)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    save_screenshot(page, name, language, 320)
    assert overflow <= 0, f"The page is {overflow}px wider than a 320px screen"


def test_axe_reports_a_known_violation(page):
    """axe-core itself is working: an image without alt text does not pass."""
    page.set_content('<!DOCTYPE html><html lang="en"><title>x</title><img src="x.png">')
    page.add_script_tag(path=AXE_SCRIPT)
    violations = page.evaluate(RUN_AXE, WCAG_TAGS)["violations"]
    assert "image-alt" in [v["id"] for v in violations]


def test_print_drops_navigation_and_shows_link_addresses(visit):
    page = visit("content", "pt")
    page.emulate_media(media="print")
    shown = page.evaluate(
        "['.main-nav', '.search-box', '.lang-switcher', '.skip-link', '.site-footer'].map("
        "s => document.querySelector(s).checkVisibility())"
    )
    assert shown == [False] * 5
    after = page.evaluate(
        'getComputedStyle(document.querySelector(\'main a[href^="http"], main a[href^="/"]\'),'
        " '::after').content"
    )
    assert "/" in after
