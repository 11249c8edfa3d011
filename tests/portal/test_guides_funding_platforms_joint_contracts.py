"""Guides on funding, platforms, joint procurement and contract management, as loaded."""

import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.html import escape

import pytest

from ops.content_loader import translation_key
from portal.models import GuidePage
from search.query import entries_in_order, search

FIXTURES = Path(settings.BASE_DIR) / "fixtures/pages"
KEYS = [
    "guide-funding",
    "guide-platforms-publication",
    "guide-joint-procurement",
    "guide-contract-management",
]
# One query a visitor would type, per guide and language.
QUERIES = {
    ("guide-funding", "pt"): "financiamento horizonte europa",
    ("guide-funding", "en"): "funding horizon europe",
    ("guide-platforms-publication", "pt"): "portal base eforms",
    ("guide-platforms-publication", "en"): "portal base eforms",
    ("guide-joint-procurement", "pt"): "compras conjuntas transfronteiriças",
    ("guide-joint-procurement", "en"): "joint cross-border procurement",
    ("guide-contract-management", "pt"): "modificação do contrato lotes",
    ("guide-contract-management", "en"): "contract modification lots",
}
REVIEWED = {"pt": "6 de dezembro de 2026", "en": "6 December 2026"}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def fixture(key):
    (path,) = FIXTURES.glob(f"*_{key}.toml")
    return tomllib.loads(path.read_text("utf-8"))


def guide(key, code):
    return GuidePage.objects.get(translation_key=translation_key(key), locale__language_code=code)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
@pytest.mark.parametrize("key", KEYS)
def test_guide_renders_with_its_review_date_legal_basis_and_links(
    client, portal_content, key, code
):
    page = guide(key, code)
    html = client.get(page.url).content.decode()
    assert page.live and page.get_parent().specific_class.__name__ == "GuideIndexPage"
    assert escape(page.title) in html
    assert REVIEWED[code] in html
    for source in fixture(key)[code]["legal_basis"]:
        assert source["value"]["url"].replace("&", "&amp;") in html
    # Every page link of the body is shown and reaches a live page in the same language.
    links = re.findall(r'<p class="page-link"><a href="([^"]+)"', html)
    blocks = [b for b in fixture(key)[code]["body"] if b["type"] == "page_link"]
    assert len(links) == len(blocks)
    assert all(
        link.startswith(f"/{code}/") and client.get(link).status_code == 200 for link in links
    )
    # The templates (library documents) it points to download, in the page's language.
    templates = [b for b in fixture(key)[code]["body"] if b["type"] == "document_link"]
    downloads = re.findall(r'<p class="document-link"><a href="([^"]+)"', html)
    assert templates and len(downloads) == len(templates)
    assert all(b["value"]["document"].endswith(f"-{code}") for b in templates)
    assert all(client.get(link).status_code == 200 for link in downloads)
    linked = {
        block["value"]["page"]
        for block in fixture(key)[code]["body"]
        if block["type"] == "page_link"
    }
    assert {"faq", "procedure-chooser"} <= linked and linked & {
        "case-marine-eo",
        "case-frederiksberg",
        "case-mertola",
    }


# An amount, a percentage or a time limit, as a reader would see it.
FIGURE = re.compile(
    r"%|€|\beuros?\b|\b\d{1,3}(?:[ .]\d{3})+\b|\b\d+ (?:dias|meses|days|months)\b", re.I
)


def visible_strings(value):
    if isinstance(value, dict):
        for name, item in value.items():
            if name != "url":
                yield from visible_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from visible_strings(item)
    elif isinstance(value, str):
        yield value


@pytest.mark.parametrize("key", KEYS)
def test_guide_publishes_no_amount_percentage_or_time_limit(key):
    """No figure is published unless verified (docs/legal-sources.md lists those left out)."""
    data = fixture(key)
    found = [
        m[0] for c in ("pt", "en") for t in visible_strings(data[c]) for m in FIGURE.finditer(t)
    ]
    assert not found
    assert FIGURE.search("acima de 135 000 € ou 10% do preço, em 30 dias")


@pytest.mark.parametrize("key", KEYS)
def test_guide_has_the_same_structure_in_both_languages(key):
    data = fixture(key)
    for part in ("body", "legal_basis"):
        assert [b["type"] for b in data["pt"][part]] == [b["type"] for b in data["en"][part]]
    assert [b["value"]["url"] for b in data["pt"]["legal_basis"]] == [
        b["value"]["url"].replace("/EN/", "/PT/") for b in data["en"]["legal_basis"]
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "code"), list(QUERIES))
def test_search_finds_the_guide(portal_content, key, code):
    found = [entry.title for entry in entries_in_order(search(code, QUERIES[key, code]))]
    assert guide(key, code).title in found[:5], found[:5]


@pytest.mark.django_db
def test_sitemap_lists_every_guide_in_both_languages(client, portal_content):
    index = ET.fromstring(client.get("/sitemap.xml").content)
    paths = set()
    for section in index.iter(f"{SITEMAP}loc"):
        address = urlsplit(section.text)
        xml = client.get(f"{address.path}?{address.query}").content
        paths |= {urlsplit(loc.text).path for loc in ET.fromstring(xml).iter(f"{SITEMAP}loc")}
    assert {guide(key, code).url for key in KEYS for code in ("pt", "en")} <= paths
