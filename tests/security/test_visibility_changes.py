"""A restriction added after publishing hides the item at once, on cached pages too, and the
item comes back when the restriction goes; a document moved between collections follows."""

import pytest

from core.models import ContentVersion
from tests.portal.factories import ContentPageFactory
from tests.security.visibility_site import (
    SECRET_QUERY,
    build_site,
    index_everything,
    restrict,
    search_titles,
    shows_secret,
    suggested_titles,
)

pytestmark = pytest.mark.django_db
LANGUAGES = ("pt", "en")


@pytest.fixture
def open_site(homes, translated_pair, settings):
    """The site with no restriction yet, everything indexed, and both caches on."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.FRAGMENT_CACHE_SECONDS = 600
    site = build_site(homes, translated_pair)
    index_everything()
    return site


def found_everywhere(client, site, query_language="pt"):
    """Whether the secret item shows on the search, suggestions, library and home (each
    language), after these pages were served from the page cache."""
    seen = []
    for code in LANGUAGES:
        seen.append(bool(search_titles(client, code, SECRET_QUERY[code])))
        seen.append(bool(suggested_titles(client, code, SECRET_QUERY[code])))
        for page in (site["library"][code], site["homes"][code]):
            seen.append(shows_secret(client.get(page.url)))
    return seen


def test_collection_restriction_added_then_removed(
    client, open_site, restriction_kind, django_capture_on_commit_callbacks
):
    assert all(found_everywhere(client, open_site))
    cached = client.get(open_site["library"]["pt"].url)
    assert cached["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        restriction = restrict(restriction_kind, collection=open_site["private"])
    assert not any(found_everywhere(client, open_site))
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert all(found_everywhere(client, open_site))


def test_restriction_moved_to_another_collection(
    client, open_site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        restriction = restrict("login", collection=open_site["private"])
        restriction.collection = open_site["private"].add_sibling(name="Outra")
        restriction.save()
    assert all(found_everywhere(client, open_site))


def test_document_moved_into_and_out_of_a_restricted_collection(
    client, open_site, django_capture_on_commit_callbacks
):
    document = open_site["secret_doc"]
    public_home = document.collection.get_parent().get_parent()
    with django_capture_on_commit_callbacks(execute=True):
        restrict("password", collection=open_site["private"])
    with django_capture_on_commit_callbacks(execute=True):
        document.collection = public_home
        document.save()
    assert all(found_everywhere(client, open_site))
    with django_capture_on_commit_callbacks(execute=True):
        document.collection = open_site["private"]
        document.save()
    assert not any(found_everywhere(client, open_site))


def test_page_restriction_added_after_publishing_then_removed(
    client, homes, settings, restriction_kind, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    pages = {}
    for code, home in homes.items():
        pages[code] = ContentPageFactory(
            parent=home, locale=home.locale, title=f"Página xilofone {code}", slug=f"x-{code}"
        )
        pages[code].save_revision().publish()
        child = ContentPageFactory(parent=pages[code], locale=home.locale, title=f"Xilofone {code}")
        child.save_revision().publish()

    def seen(code):
        return (
            len(search_titles(client, code, "xilofone")),
            shows_secret(client.get(homes[code].url)),  # the main menu
        )

    assert [seen(code) for code in LANGUAGES] == [(2, True), (2, True)]
    version = ContentVersion.current()
    with django_capture_on_commit_callbacks(execute=True):
        restrictions = [restrict(restriction_kind, page=page) for page in pages.values()]
    assert ContentVersion.current() > version  # cached pages are stale at once
    assert [seen(code) for code in LANGUAGES] == [(0, False), (0, False)]
    with django_capture_on_commit_callbacks(execute=True):
        for restriction in restrictions:
            restriction.delete()
    assert [seen(code) for code in LANGUAGES] == [(2, True), (2, True)]
