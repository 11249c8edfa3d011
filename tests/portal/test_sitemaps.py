"""The sitemap index and its sections: both languages, alternates, lastmod, pages of a set size."""

import xml.etree.ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify

from wagtail.models import Page, PageViewRestriction

import pytest

from tests.documents.factories import (
    DocumentLibraryPageFactory,
    LibraryDocumentFactory,
    WebinarFactory,
    WebinarIndexPageFactory,
)
from tests.portal.factories import ContentPageFactory
from tests.querycount import assert_queries_do_not_grow

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
BASE = "http://testserver"


@pytest.fixture
def site(translated_pair):
    """A library and a webinar list in each language, two documents and a webinar."""
    pages = {
        "libraries": translated_pair(DocumentLibraryPageFactory, "library"),
        "webinars": translated_pair(WebinarIndexPageFactory, "webinars"),
        "guidance": translated_pair(ContentPageFactory, "guidance"),
    }
    LibraryDocumentFactory(title_pt="Guia de compras", title_en="Procurement guide")
    LibraryDocumentFactory(title_pt="Estudo de mercado", title_en="")  # EN falls back to PT
    WebinarFactory(slug="parcerias")
    for page in Page.objects.filter(depth__gt=1).specific():
        page.save_revision().publish()  # as editors do: that sets the date lastmod shows
    return pages


def urls(client, address):
    """{loc: (lastmod, {hreflang: href})} of one sitemap page."""
    response = client.get(address)
    assert response.status_code == 200, address
    assert response["Content-Type"].startswith("application/xml")
    entries = {}
    for url in ET.fromstring(response.content).findall(f"{SITEMAP}url"):
        links = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        entries[url.find(f"{SITEMAP}loc").text] = (url.find(f"{SITEMAP}lastmod").text, links)
    return entries


def index(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return [item.find(f"{SITEMAP}loc").text for item in root.findall(f"{SITEMAP}sitemap")]


def section(client, name):
    """Every address of a section, over all its pages in the index."""
    entries = {}
    for address in index(client):
        if address.split("?")[0] == f"{BASE}/sitemap-{name}.xml":
            entries.update(urls(client, address.removeprefix(BASE)))
    return entries


@pytest.mark.django_db
def test_index_lists_every_page_of_every_section(client, site, settings):
    settings.SITEMAP_PAGE_SIZE = 2
    listed = index(client)
    assert f"{BASE}/sitemap-pages.xml" in listed and f"{BASE}/sitemap-webinars.xml" in listed
    # Two documents in two languages: four addresses, two pages of two.
    assert [a for a in listed if "documents" in a] == [
        f"{BASE}/sitemap-documents.xml",
        f"{BASE}/sitemap-documents.xml?p=2",
    ]


@pytest.mark.django_db
def test_each_page_holds_at_most_the_page_size(client, site, settings):
    settings.SITEMAP_PAGE_SIZE = 3
    for address in index(client):
        assert len(urls(client, address.removeprefix(BASE))) <= 3, address


@pytest.mark.django_db
@pytest.mark.parametrize("page_size", [1, 2, 3, 50_000])
def test_documents_are_listed_once_per_language_whatever_the_page_size(
    client, site, settings, page_size
):
    settings.SITEMAP_PAGE_SIZE = page_size
    documents = section(client, "documents")
    assert len(documents) == 4
    guide = [loc for loc in documents if "guia-de-compras" in loc or "procurement-guide" in loc]
    assert sorted(guide) == sorted(
        [
            f"{BASE}{site['libraries']['pt'].url}{guide[0].split('/')[-3]}/guia-de-compras/",
            f"{BASE}{site['libraries']['en'].url}{guide[0].split('/')[-3]}/procurement-guide/",
        ]
    )
    assert any(loc.endswith("/estudo-de-mercado/") and "/library-en/" in loc for loc in documents)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["pages", "documents", "webinars"])
def test_every_address_has_lastmod_and_its_alternates(client, site, name):
    entries = section(client, name)
    assert entries
    for loc, (lastmod, links) in entries.items():
        assert lastmod, loc
        assert set(links) == {"pt", "en", "x-default"}, loc
        assert links["x-default"] == links["pt"] and loc in (links["pt"], links["en"])


@pytest.mark.django_db
def test_pages_of_both_languages_are_listed_and_private_ones_are_not(client, site):
    guidance = site["guidance"]
    hidden = ContentPageFactory(parent=guidance["en"], locale=guidance["en"].locale, slug="x")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    draft = ContentPageFactory(parent=guidance["pt"], locale=guidance["pt"].locale, live=False)
    pages = section(client, "pages")
    assert {f"{BASE}/pt/", f"{BASE}/en/"} <= set(pages)
    pt, en = f"{BASE}{guidance['pt'].url}", f"{BASE}{guidance['en'].url}"
    assert pages[en][1] == {"pt": pt, "en": en, "x-default": pt}
    assert f"{BASE}{hidden.url}" not in pages
    assert not any(draft.slug in loc for loc in pages)


@pytest.mark.django_db
def test_webinars_are_listed_in_both_languages(client, site):
    webinars = section(client, "webinars")
    assert set(webinars) == {
        f"{BASE}{site['webinars']['pt'].url}parcerias/",
        f"{BASE}{site['webinars']['en'].url}parcerias/",
    }
    assert next(iter(webinars.values()))[0] == "2020-10-13"


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["0", "-1", "abc", "999999", "1.5", "%00", ""])
def test_a_bad_page_number_is_not_found(client, site, page):
    assert client.get(f"/sitemap-documents.xml?p={page}").status_code == 404


@pytest.mark.django_db
def test_an_unknown_section_is_not_found(client, site):
    assert client.get("/sitemap-nothing.xml").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("address", ["/sitemap.xml", "/sitemap-documents.xml"])
def test_queries_do_not_grow_with_the_documents(client, site, address):
    assert_queries_do_not_grow(
        client, address, lambda: LibraryDocumentFactory.create_batch(5), budget=25
    )


@pytest.mark.django_db
def test_the_documents_text_is_never_loaded(client, site):
    with CaptureQueriesContext(connection) as queries:
        client.get("/sitemap-documents.xml")
    assert not any("text_content" in query["sql"] for query in queries)


@pytest.mark.django_db
def test_a_document_address_is_the_one_its_route_reads(site):
    library = site["libraries"]["pt"]
    expected = library.reverse_subpage("document_route", args=[7, slugify("Guia de compras")])
    assert library.document_subpage(7, "Guia de compras") == expected
    assert library.document_subpage(7, "???") == "7/document/"
