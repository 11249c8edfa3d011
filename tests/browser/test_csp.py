"""Under the real Content-Security-Policy (no bypass), no page type triggers a violation."""

import pytest

from .conftest import DESKTOP
from .pages import VISITS

LISTEN = """() => {
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation',
    e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
}"""


@pytest.fixture
def strict_page(browser):
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    tab.add_init_script(f"({LISTEN})()")
    yield tab
    context.close()


@pytest.mark.parametrize(("name", "language"), VISITS)
def test_no_csp_violation(site, strict_page, name, language):
    base_url, paths = site
    response = strict_page.goto(base_url + paths[name, language])
    assert "script-src 'self'" in response.headers["content-security-policy"]
    strict_page.wait_for_load_state("load")
    assert strict_page.evaluate("window.cspViolations") == []


def test_an_inline_script_is_reported(site, strict_page):
    """The listener works: the policy refuses an inline script and the page says so."""
    base_url, paths = site
    strict_page.goto(base_url + paths["home", "pt"])
    strict_page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = '1';"
        " document.body.append(s); }"
    )
    strict_page.wait_for_timeout(100)
    assert strict_page.evaluate("window.cspViolations")
