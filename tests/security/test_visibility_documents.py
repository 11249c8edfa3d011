"""A document in a restricted collection (login or password, on an ancestor) reaches no
public channel, in either language; the open document beside it does."""

from django.utils import translation

import pytest

from tests.security.visibility_site import (
    OPEN_QUERY,
    SECRET_QUERY,
    search_titles,
    shows_open,
    shows_secret,
    suggested_titles,
    url_in,
    whole_sitemap,
)

pytestmark = pytest.mark.django_db
LANGUAGES = pytest.mark.parametrize("code", ["pt", "en"])


@LANGUAGES
def test_search_and_suggestions(client, visibility_site, code):
    assert search_titles(client, code, SECRET_QUERY[code]) == []
    assert suggested_titles(client, code, SECRET_QUERY[code]) == []
    assert search_titles(client, code, OPEN_QUERY[code])
    assert suggested_titles(client, code, OPEN_QUERY[code])


@LANGUAGES
def test_library_list_counts_years_and_csv(client, visibility_site, code):
    library = visibility_site["library"][code]
    response = client.get(library.url)
    assert [d.pk for d in response.context["documents"]] == [visibility_site["open_doc"].pk]
    assert response.context["documents"].paginator.count == 1
    assert 1999 not in response.context["years"]
    assert shows_open(response) and not shows_secret(response)
    csv = client.get(library.url + "csv/")
    assert csv.status_code == 200
    assert shows_open(csv) and not shows_secret(csv)


@LANGUAGES
def test_document_page_is_not_found_by_visitors(client, visibility_site, code):
    library = visibility_site["library"][code]
    secret = visibility_site["secret_doc"]
    assert client.get(library.document_url(secret)).status_code == 404
    # Without the slug (the 404 page echoes the address asked for): no title, no JSON-LD.
    response = client.get(library.url + library.reverse_subpage("document_route", args=[secret.pk]))
    assert response.status_code == 404
    assert not shows_secret(response)
    assert client.get(library.document_url(visibility_site["open_doc"])).status_code == 200


@LANGUAGES
def test_document_page_shown_to_whom_the_restriction_lets_in(
    client, django_user_model, visibility_site, code, restriction_kind
):
    restriction = visibility_site["restriction"]
    if restriction_kind == "login":
        client.force_login(django_user_model.objects.create_user("leitor", password="x"))
    else:
        session = client.session
        session[restriction.passed_view_restrictions_session_key] = [restriction.pk]
        session.save()
    url = visibility_site["library"][code].document_url(visibility_site["secret_doc"])
    response = client.get(url)
    assert response.status_code == 200
    assert shows_secret(response)
    assert "private" in response["Cache-Control"]


@LANGUAGES
def test_home_teasers(client, visibility_site, code):
    response = client.get(visibility_site["homes"][code].url)
    assert [d.pk for d in response.context["latest_documents"]] == [visibility_site["open_doc"].pk]
    assert not shows_secret(response)


@LANGUAGES
def test_linked_and_related_documents_on_pages(client, visibility_site, code):
    for page in (visibility_site["guide"][code], visibility_site["open_case"][code]):
        response = client.get(page.url)
        assert response.status_code == 200
        assert shows_open(response) and not shows_secret(response)


@LANGUAGES
def test_webinar_page_hides_restricted_slides(client, visibility_site, code):
    webinars = visibility_site["webinars"][code]
    response = client.get(webinars.webinar_url(visibility_site["webinar"]))
    assert response.status_code == 200
    assert response.context["slides"] is None
    assert not shows_secret(response)


@LANGUAGES
@pytest.mark.parametrize("feed", ["feed_documents", "feed_documents_atom"])
def test_feeds(client, visibility_site, code, feed):
    response = client.get(url_in(code, feed))
    assert response.status_code == 200
    assert shows_open(response) and not shows_secret(response)


def test_api_lists_and_details_only_public_documents(client, visibility_site):
    listing = client.get("/api/v2/documents/")
    assert [item["id"] for item in listing.json()["items"]] == [visibility_site["open_doc"].pk]
    assert not shows_secret(listing)
    # Not found (the locale middleware then sends the 404 on to /pt/..., which is not found).
    detail = client.get(f"/api/v2/documents/{visibility_site['secret_doc'].pk}/", follow=True)
    assert detail.status_code == 404
    assert not shows_secret(detail)


def test_api_ignores_the_signed_in_user(client, django_user_model, visibility_site):
    client.force_login(django_user_model.objects.create_user("leitor", password="x"))
    assert not shows_secret(client.get("/api/v2/documents/"))


def test_sitemap(client, visibility_site):
    sitemap = whole_sitemap(client)
    secret = visibility_site["secret_doc"]
    assert visibility_site["library"]["pt"].document_url(secret) not in sitemap
    with translation.override("en"):  # the English address carries the English title
        open_url = visibility_site["library"]["en"].document_url(visibility_site["open_doc"])
    assert open_url in sitemap


def test_the_rule_in_one_place(visibility_site):
    from documents.models import LibraryDocument

    assert list(LibraryDocument.objects.public()) == [visibility_site["open_doc"]]
    assert visibility_site["open_doc"].is_public()
    assert not visibility_site["secret_doc"].is_public()
    assert LibraryDocument.objects.count() == 2  # the admin's queryset is unchanged


def test_staff_still_see_and_find_everything_in_the_admin(staff_client, visibility_site):
    listing = staff_client.get("/admin/documents/")
    assert shows_secret(listing)
    found = staff_client.get("/admin/documents/", {"q": "xilofone"})
    assert shows_secret(found)
