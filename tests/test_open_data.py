"""What machines get: sitemap, robots.txt, feeds, API, CSV, canonical and sharing metadata."""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from documents.models import LibraryDocument

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap_urls(client, address):
    root = ET.fromstring(client.get(address).content)
    return {url.find(f"{SITEMAP}loc").text: url for url in root.findall(f"{SITEMAP}url")}


@pytest.mark.django_db
def test_sitemap_lists_both_languages_with_alternates(client, portal_content):
    response = client.get("/sitemap.xml")
    assert response["Content-Type"].startswith("application/xml")
    sections = [loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")]
    assert sorted(sections) == [
        "http://testserver/sitemap-documents.xml",
        "http://testserver/sitemap-newsletter.xml",
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-webinars.xml",
    ]
    urls = sitemap_urls(client, "/sitemap-pages.xml")
    assert "http://testserver/pt/" in urls and "http://testserver/en/" in urls
    library = urls["http://testserver/en/library/"]
    alternates = {
        link.get("hreflang"): link.get("href") for link in library.findall(f"{XHTML}link")
    }
    assert alternates == {
        "pt": "http://testserver/pt/biblioteca/",
        "en": "http://testserver/en/library/",
        "x-default": "http://testserver/pt/biblioteca/",
    }
    assert not any("/admin/" in url for url in urls)
    faq_document = LibraryDocument.objects.get(import_key="faq-ppi")
    documents = sitemap_urls(client, "/sitemap-documents.xml")
    assert any(
        url.startswith(f"http://testserver/pt/biblioteca/{faq_document.pk}/") for url in documents
    )


@pytest.mark.django_db
def test_robots_txt_points_at_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
@pytest.mark.parametrize("feed", ["documents", "webinars", "case-studies"])
def test_feeds_parse_in_each_language(client, portal_content, code, feed):
    rss = ET.fromstring(client.get(f"/{code}/feeds/{feed}/").content)
    items = rss.findall("./channel/item")
    assert rss.find("./channel/language").text == code
    assert items
    assert all(item.find("link").text.startswith(f"http://testserver/{code}/") for item in items)
    atom = ET.fromstring(client.get(f"/{code}/feeds/{feed}/atom/").content)
    assert atom.findall("{http://www.w3.org/2005/Atom}entry")


@pytest.mark.django_db
def test_feed_titles_follow_the_language(client, portal_content):
    pt = client.get("/pt/feeds/documents/").content.decode()
    en = client.get("/en/feeds/documents/").content.decode()
    document = LibraryDocument.objects.get(import_key="faq-ppi")
    assert document.title_pt in pt and document.title_en in en


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_api_pages_and_case_studies_per_language(client, portal_content, code):
    data = client.get(f"/api/v2/pages/?locale={code}&limit=20").json()
    assert data["meta"]["total_count"] >= 20  # of which the first 20 are listed
    assert all(item["meta"]["locale"] == code for item in data["items"])
    cases = client.get(
        f"/api/v2/pages/?locale={code}&type=casestudies.CaseStudyPage"
        "&fields=procedure_name,sector_names,country,buyer"
    ).json()["items"]
    assert len(cases) == 3
    names = {case["procedure_name"] for case in cases}
    expected = "Parceria para a inovação" if code == "pt" else "Innovation partnership"
    assert expected in names


@pytest.mark.django_db
def test_api_documents_carry_both_languages(client, portal_content):
    items = (
        client.get("/api/v2/documents/?limit=20").json()["items"]
        + client.get("/api/v2/documents/?limit=20&offset=20").json()["items"]
    )
    assert len(items) == 22 + 16  # the seed's documents, the 8 templates as DOCX and as ODT
    for item in items:
        assert item["title_pt"] and item["title_en"]
        assert item["category"] in LibraryDocument.Category.values


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?limit=abc", "?offset=-1", "?type=nope.Nope", "?fields=%00"])
def test_api_bad_parameters_are_client_errors(client, portal_content, query):
    assert client.get("/api/v2/pages/" + query).status_code == 400


def read_csv(response):
    assert response["Content-Type"].startswith("text/csv")
    assert response.streaming  # written row by row, never whole in memory
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "url"), [("pt", "/pt/biblioteca/csv/"), ("en", "/en/library/csv/")]
)
def test_library_csv_honours_the_filters(client, portal_content, code, url):
    rows = read_csv(client.get(url, {"category": "case_study_sheet"}))
    assert rows[0][0] == ("Título" if code == "pt" else "Title")
    assert len(rows) == 1 + 4
    # The seed's documents and the 8 templates, once each (the ODT is the DOCX's second format).
    assert len(read_csv(client.get(url))) == 1 + 22 + 8
    assert len(read_csv(client.get(url, {"category": "junk"}))) == 1 + 22 + 8


@pytest.mark.django_db
def test_case_study_csv_honours_the_filters(client, portal_content):
    rows = read_csv(client.get("/en/case-studies/csv/", {"country": "DK"}))
    assert len(rows) == 2 and "Frederiksberg" in rows[1][0]
    assert rows[1][3] == "Denmark"


@pytest.mark.django_db
def test_csv_cells_cannot_become_formulas(client, homes):
    from tests.documents.factories import DocumentLibraryPageFactory, LibraryDocumentFactory

    library = DocumentLibraryPageFactory(parent=homes["en"], locale=homes["en"].locale)
    LibraryDocumentFactory(title_en='=HYPERLINK("http://evil")', description_en="+1")
    rows = read_csv(client.get(library.url + "csv/"))
    assert rows[1][0].startswith("'=")
    assert rows[1][7] == "'+1"


@pytest.mark.django_db
def test_pages_have_canonical_and_sharing_metadata(client, portal_content):
    html = client.get("/en/library/?category=faq").content.decode()
    assert '<link rel="canonical" href="http://testserver/en/library/">' in html
    assert '<meta property="og:locale" content="en_GB">' in html
    assert '<meta property="og:title" content="Document library">' in html
    assert 'type="application/rss+xml" href="http://testserver/en/feeds/documents/"' in html


def json_ld(html):
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )


@pytest.mark.django_db
def test_webinar_and_document_structured_data(client, portal_content):
    event = json_ld(client.get("/en/webinars/webinar-2020-10-13/").content.decode())
    assert event["@type"] == "Event"
    assert event["startDate"] == "2020-10-13"
    assert event["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
    report = LibraryDocument.objects.get(import_key="workshop-lisbon-2023")
    data = json_ld(client.get(f"/pt/biblioteca/{report.pk}/").content.decode())
    assert data["@type"] == "Report"
    assert data["name"] == report.title_pt
