"""Signed-in staff browsing the public site are never served whole cached pages, but they are
served the fragments that do not depend on who is signed in (menu, footer, bodies, cards,
routes), and nothing of theirs goes into those fragments."""

import pytest

from tests.querycount import query_count

PAGES = ["/pt/", "/en/library/", "/pt/casos-de-estudo/", "/pt/casos-de-estudo/marine-eo/"]


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "ana.editora", "ana.editora@example.pt", "x", first_name="Ana", last_name="Editora"
    )
    client.force_login(user)
    return user


@pytest.fixture
def caches_on(settings, portal_content, empty_cache):
    settings.PAGE_CACHE_SECONDS = 600
    settings.FRAGMENT_CACHE_SECONDS = 600


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_an_editor_is_served_the_shared_fragments(client, settings, caches_on, editor, url):
    client.get(url)  # fills the fragments
    with_fragments = query_count(client, url)
    response = client.get(url)
    assert "X-Page-Cache" not in response  # never a whole cached page
    assert "wagtail-userbar" in response.content.decode()  # their own part is still theirs
    settings.FRAGMENT_CACHE_SECONDS = 0
    assert query_count(client, url) > with_fragments


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_nothing_of_the_editor_leaks_into_what_visitors_get(client, caches_on, editor, url):
    editors_page = client.get(url).content.decode()  # the editor fills the fragments first
    assert "wagtail-userbar" in editors_page
    client.logout()
    visitor = client.get(url)
    assert visitor["X-Page-Cache"] == "miss"  # rendered now, from the editor's fragments
    html = visitor.content.decode()
    for mark in ("ana.editora", "Ana", "Editora", "wagtail-userbar", "/admin/logout/"):
        assert mark not in html, mark
    assert client.cookies.get("csrftoken") is None or (
        client.cookies["csrftoken"].value not in html
    )
