"""Each feed is advertised, as RSS and Atom in the page's language, on the pages it belongs to."""

import re
import tomllib
from pathlib import Path

from django.conf import settings

import pytest

from tests.documents.factories import WebinarIndexPageFactory


def advertised(html, code, feed):
    return (
        f'type="application/rss+xml" href="http://testserver/{code}/feeds/{feed}/"' in html
        and f'type="application/atom+xml" href="http://testserver/{code}/feeds/{feed}/atom/"'
        in html
    )


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_webinar_pages_advertise_the_webinar_feed_in_their_language(client, translated_pair, code):
    page = translated_pair(WebinarIndexPageFactory, "webinars")[code]
    html = client.get(page.url).content.decode()
    assert advertised(html, code, "webinars")
    assert advertised(html, code, "documents")
    assert not advertised(html, code, "case-studies")
    home = client.get(f"/{code}/").content.decode()
    assert advertised(home, code, "documents") and not advertised(home, code, "webinars")


def test_case_study_templates_advertise_the_case_study_feed():
    for name in ("case_study_index_page.html", "case_study_page.html"):
        text = Path(settings.BASE_DIR, "templates/casestudies", name).read_text("utf-8")
        assert 'feed="case-studies"' in text


def test_procure_i_page_links_the_seed_project_file_in_both_languages():
    page = tomllib.loads(
        Path(settings.BASE_DIR, "fixtures/pages/20_procure-i.toml").read_text("utf-8")
    )
    for code in ("pt", "en"):
        links = [b["value"] for b in page[code]["body"] if b["type"] == "document_link"]
        assert any(link["document"] == "project-file" for link in links)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_every_link_with_hreflang_in_head_is_absolute(client, translated_pair, code):
    # Lighthouse's SEO audit ("hreflang") fails a page whose alternate links are relative.
    page = translated_pair(WebinarIndexPageFactory, "webinars")[code]
    head = client.get(page.url, secure=True).content.decode().split("</head>")[0]
    links = re.findall(r"<link [^>]*hreflang=[^>]*>", head)
    assert len(links) >= 4  # the page's languages and two feeds
    for link in links:
        assert re.search(r'href="https://testserver/', link), link
