"""Every page stays light and CSP-ready: CSS and JS within budget, no inline code, alt texts."""

import gzip
from html.parser import HTMLParser

import pytest

from .pages import VISITS, fetch

ASSET_BUDGET = 40 * 1024  # CSS and JS per page, gzip-compressed


class PageParts(HTMLParser):
    """The stylesheets, scripts, inline code and images of a page."""

    def __init__(self):
        super().__init__()
        self.assets, self.inline, self.images_without_alt = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.assets.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.assets.append(attrs["src"])
        elif tag == "script" and attrs.get("type") != "application/ld+json":
            self.inline.append("<script> without src")
        elif tag == "style":
            self.inline.append("<style>")
        if "style" in attrs:
            self.inline.append(f"style attribute on <{tag}>")
        if any(name.startswith("on") for name in attrs):
            self.inline.append(f"event handler attribute on <{tag}>")
        if tag == "img" and "alt" not in attrs:
            self.images_without_alt.append(attrs.get("src"))


def parts_of(html):
    parser = PageParts()
    parser.feed(html)
    return parser


@pytest.mark.parametrize(("name", "language"), VISITS)
def test_css_and_js_within_budget(site, raw_pages, name, language):
    base_url, _ = site
    assets = parts_of(raw_pages[name, language]).assets
    assert assets, "a page without its stylesheet"
    sizes = {url: len(gzip.compress(fetch(base_url + url)[1])) for url in assets}
    assert sum(sizes.values()) <= ASSET_BUDGET, sizes


@pytest.mark.parametrize(("name", "language"), VISITS)
def test_no_inline_code_and_every_image_has_alt(raw_pages, name, language):
    parts = parts_of(raw_pages[name, language])
    assert parts.inline == []
    assert parts.images_without_alt == []


def test_the_checks_see_inline_code():
    parts = parts_of('<p style="x" onclick="y"><script>z</script><img src="a.png">')
    assert len(parts.inline) == 3
    assert parts.images_without_alt == ["a.png"]
