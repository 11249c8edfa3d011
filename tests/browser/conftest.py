"""Fixtures of the browser suite: a served copy of the portal, Debian's Chromium, axe-core."""

import os
import re
import secrets
from pathlib import Path

from django.conf import settings

import pytest

from tools.site_server import running_site

from .pages import fetch, resolve_all

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
NODE_MODULES = settings.BASE_DIR / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
FAILURE_DIR = settings.BASE_DIR / "browser-failures"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}


def require(missing):
    """Skips without the tools, or fails when BROWSER_TESTS_REQUIRED is set (as in CI)."""
    if not missing:
        return
    message = (
        f"Browser tests need {', '.join(missing)}. Install Debian's chromium and run `npm ci`"
        " (see README); set BROWSER_TESTS_REQUIRED=1 to make a missing tool a failure."
    )
    if os.environ.get("BROWSER_TESTS_REQUIRED"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def missing_browser_tools():
    missing = [str(path) for path in (CHROMIUM, AXE_SCRIPT) if not path.exists()]
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing.append("the playwright Python package")
    return missing


# A staff account on the served site, for journeys that end in the admin.
STAFF = {"DJANGO_SUPERUSER_USERNAME": "staff", "DJANGO_SUPERUSER_PASSWORD": secrets.token_urlsafe()}


@pytest.fixture(scope="package")
def site(tmp_path_factory):
    """The running portal: its base URL and the path of each (page type, language)."""
    tmp_dir = tmp_path_factory.mktemp("browser-site")
    with running_site(
        tmp_dir, extra_commands=[["ensure_admin"]], extra_env=STAFF, from_base=True
    ) as base_url:
        yield base_url, resolve_all(base_url)


@pytest.fixture(scope="package")
def raw_pages(site):
    """The HTML the server sends for each (page type, language), before any script runs."""
    base_url, paths = site
    return {visit: fetch(base_url + path)[1].decode() for visit, path in paths.items()}


@pytest.fixture(scope="package")
def browser():
    require(missing_browser_tools())
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.stash[FAILED] = report.failed
    return report


FAILED = pytest.StashKey[bool]()


@pytest.fixture
def page(browser, request):
    """A fresh tab at desktop size; a failing test leaves a full-page screenshot behind."""
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    tab = context.new_page()
    yield tab
    if request.node.stash.get(FAILED, False):
        FAILURE_DIR.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        tab.screenshot(path=FAILURE_DIR / f"{name}.png", full_page=True)
    context.close()


@pytest.fixture
def visit(site, page):
    """Opens a page type in a language and returns the tab."""
    base_url, paths = site

    def open_page(name, language):
        page.goto(base_url + paths[name, language])
        return page

    return open_page
