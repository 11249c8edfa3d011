"""A login- or password-restricted page (a guidance page, a case study) reaches no public
channel, in either language; the open pages beside it do."""

import pytest

from tests.security import visibility_site as site

pytestmark = pytest.mark.django_db
LANGUAGES = pytest.mark.parametrize("code", ["pt", "en"])


@pytest.fixture
def restricted_pages(visibility_site, restriction_kind):
    return site.restricted_pages(visibility_site, restriction_kind)


@LANGUAGES
def test_search_and_suggestions(client, restricted_pages, code):
    assert site.search_titles(client, code, site.SECRET_QUERY["pt"]) == []
    assert site.suggested_titles(client, code, site.SECRET_QUERY["pt"]) == []
    # A word the open case study and the restricted one share: a visitor finds the open one.
    for found in (site.search_titles, site.suggested_titles):
        titles = found(client, code, "caso")
        assert f"Caso girassol {code}" in titles
        assert not any("xilofone" in title for title in titles)


@LANGUAGES
def test_home_menu_and_featured_cases(client, visibility_site, restricted_pages, code):
    response = client.get(visibility_site["homes"][code].url)
    assert response.status_code == 200
    assert site.shows_open(response) and not site.shows_secret(response)


@LANGUAGES
def test_case_study_list_csv_feed_and_similar_cases(
    client, visibility_site, restricted_pages, code
):
    index = visibility_site["cases"][code]
    for url in (
        index.url,
        index.url + "csv/",
        site.url_in(code, "feed_case_studies"),
        site.url_in(code, "feed_case_studies_atom"),
        visibility_site["open_case"][code].url,  # its similar cases share the procedure
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not site.shows_secret(response), url
    assert site.shows_open(client.get(site.url_in(code, "feed_case_studies")))


def test_api_pages(client, restricted_pages):
    response = client.get("/api/v2/pages/", {"limit": 20})
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] <= 20  # all of them on this one page
    assert site.shows_open(response) and not site.shows_secret(response)
    page = restricted_pages["pt"]["page"]
    assert client.get(f"/api/v2/pages/{page.pk}/", follow=True).status_code == 404


def test_sitemap(client, restricted_pages):
    sitemap = site.whole_sitemap(client)
    assert "x-pt" not in sitemap
    for pages in restricted_pages.values():
        assert pages["page"].url not in sitemap and pages["case"].url not in sitemap
        assert pages["page"].get_parent().url in sitemap  # the open pages around them are there


def test_staff_find_restricted_pages_in_the_admin(staff_client, restricted_pages):
    response = staff_client.get("/admin/pages/search/", {"q": "xilofone"})
    assert response.status_code == 200
    assert site.shows_secret(response)
