"""The main menu reads its pages' menu titles in one query, however many page types it shows."""

from wagtail.models import Page

import pytest

from core.navigation import menu_items
from portal.models import HomePage


@pytest.mark.django_db
def test_menu_titles_in_two_queries_and_the_title_when_empty(
    portal_content, django_assert_num_queries
):
    home = HomePage.objects.get(locale__language_code="pt")
    children = home.get_children().in_menu().live().specific()
    assert len({type(page) for page in children}) > 2  # several page types in the menu
    first = children[0]
    first.menu_title = "Curto"
    first.save_revision().publish()
    with django_assert_num_queries(2):  # the pages, then every type's menu title at once
        items = menu_items(home)
    titles = {page.pk: page.menu_title for page, _active in items}
    assert titles[first.pk] == "Curto"
    expected = {page.pk: page.menu_title for page in children if page.pk != first.pk}
    assert {pk: titles[pk] for pk in expected} == expected
    assert all(type(page) is Page for page, _active in items)  # plain pages, no per-type query


@pytest.mark.django_db
def test_the_menu_shows_the_menu_title(client, portal_content):
    home = HomePage.objects.get(locale__language_code="pt")
    page = home.get_children().in_menu().live().specific().first()
    page.menu_title = "Curto"
    page.save_revision().publish()
    nav = client.get("/pt/").content.decode().split('class="main-nav"', 1)[1].split("</nav>")[0]
    assert ">Curto</a>" in nav
    assert f">{page.title}</a>" not in nav
