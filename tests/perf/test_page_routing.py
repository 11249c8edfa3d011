"""Pages found through the cache (core/routing.py) are the pages Wagtail's walk finds, and a
view restriction is never skipped."""

from unittest import mock

from django.core.cache import cache
from django.http import HttpResponse
from django.test import override_settings

from wagtail import hooks
from wagtail.models import PageViewRestriction

import pytest

from core.models import ContentVersion
from tests.portal.factories import ContentPageFactory
from tests.querycount import query_count

FRAGMENTS_ON = override_settings(FRAGMENT_CACHE_SECONDS=600, PAGE_CACHE_SECONDS=0)


@pytest.fixture
def fragments_on():
    cache.clear()
    with FRAGMENTS_ON:
        yield
    cache.clear()


def under(parent, **kwargs):
    return ContentPageFactory(parent=parent, locale=parent.locale, **kwargs)


@pytest.mark.django_db
def test_a_remembered_page_costs_no_walk(client, homes, fragments_on):
    page = under(under(homes["pt"]))
    with route_cache_off():
        client.get(page.url)
        walked = query_count(client, page.url)
    client.get(page.url)
    # The root, its .specific, two levels of child lookup and .specific, the restrictions.
    assert query_count(client, page.url) <= walked - 6


@pytest.mark.django_db
def test_unknown_address_below_a_remembered_page_is_not_found(client, homes, fragments_on):
    page = under(homes["pt"])
    assert client.get(page.url).status_code == 200
    assert client.get(page.url + "no-such-page/").status_code == 404
    assert client.get(page.url).status_code == 200


@pytest.mark.django_db
def test_a_restricted_child_of_a_remembered_page_stays_restricted(client, homes, fragments_on):
    parent = under(homes["pt"])
    child = under(parent)
    PageViewRestriction.objects.create(page=child, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(parent.url).status_code == 200  # remembered: public
    for _ in range(2):
        response = client.get(child.url)
        assert response.status_code == 302
        assert "login" in response["Location"]


@pytest.mark.django_db
def test_a_restriction_added_later_applies_at_the_next_version(client, homes, fragments_on):
    page = under(homes["pt"])
    assert client.get(page.url).status_code == 200
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    ContentVersion.bump()  # what committing the restriction does (core/page_cache.py)
    assert client.get(page.url).status_code == 302


@pytest.mark.django_db
def test_a_moved_page_is_found_at_its_new_address(client, homes, fragments_on):
    first, second = under(homes["pt"]), under(homes["pt"])
    page = under(first)
    old_url = page.url
    assert client.get(old_url).status_code == 200
    page.move(second, pos="last-child")
    page.refresh_from_db()
    ContentVersion.bump()
    assert client.get(page.url).status_code == 200
    moved = client.get(old_url)  # Wagtail's automatic redirect, not the old route
    assert moved.status_code == 301
    assert moved["Location"].endswith(page.url)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pt", "en"])
def test_both_languages_are_routed_apart(client, homes, fragments_on, language):
    page = under(homes[language], slug="same-slug", title=f"Page {language}")
    other = "en" if language == "pt" else "pt"
    assert f"Page {language}".encode() in client.get(page.url).content
    assert client.get(f"/{other}/same-slug/").status_code == 404


@pytest.mark.django_db
def test_a_preview_shows_the_draft_not_the_remembered_body(client, homes, fragments_on):
    page = under(homes["pt"], body=[("paragraph", "<p>Published words.</p>")])
    assert b"Published words." in client.get(page.url).content
    page.body = [("paragraph", "<p>Draft words.</p>")]
    preview = page.make_preview_request()
    preview.render()
    assert b"Draft words." in preview.content
    assert b"Published words." not in preview.content


@pytest.mark.django_db
def test_a_remembered_page_is_served_through_wagtails_hooks(client, homes, fragments_on):
    page = under(homes["pt"], title="Hooked page")
    served = []

    def before_serve(page, request, args, kwargs):
        served.append(page.pk)
        if request.GET.get("stop"):
            return HttpResponse("stopped by a hook")

    with hooks.register_temporarily("before_serve_page", before_serve):
        assert b"Hooked page" in client.get(page.url).content  # walked, then remembered
        assert b"Hooked page" in client.get(page.url).content  # from the route cache
        assert client.get(page.url, {"stop": "1"}).content == b"stopped by a hook"
    assert served == [page.pk] * 3


def route_cache_off():
    """The fragment caches on, the route cache off: every request walks the tree."""
    return mock.patch("core.routing.cached_route", return_value=None)


@pytest.mark.django_db
def test_a_page_first_reached_below_a_remembered_one_is_remembered_too(client, homes, fragments_on):
    page, other = under(homes["pt"]), under(homes["pt"])
    with route_cache_off():
        client.get(other.url)
        walked = query_count(client, other.url)
    assert client.get(homes["pt"].url).status_code == 200  # the home page remembered
    assert client.get(page.url).status_code == 200  # walked on from the home page, remembered
    # No child lookup, no .specific, no view restrictions left.
    assert query_count(client, page.url) <= walked - 4
