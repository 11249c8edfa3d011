"""Menu, footer and library counts cached under the content version: fewer queries, never stale."""

import pytest

from documents.models import LibraryDocument
from portal.models import ContentPage, Organisation
from tests.querycount import query_count


@pytest.fixture
def fragments(settings, portal_content, empty_cache):
    settings.FRAGMENT_CACHE_SECONDS = 600


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/pt/", "/en/library/", "/pt/biblioteca/?category=faq"])
def test_cached_parts_save_queries_and_change_nothing(client, settings, fragments, url):
    cached = query_count(client, url)
    cached_html = client.get(url).content
    settings.FRAGMENT_CACHE_SECONDS = 0
    assert query_count(client, url) > cached
    assert client.get(url).content == cached_html


@pytest.mark.django_db
def test_footer_and_menu_follow_an_edit(client, fragments, changes):
    client.get("/pt/")

    def rename():
        organisation = Organisation.objects.get(acronym="ANI")
        organisation.name_pt = "Agência renomeada"
        organisation.save()
        page = ContentPage.objects.get(slug="compras-publicas-de-inovacao")
        page.menu_title = "Menu revisto"
        page.save_revision().publish()

    changes(rename)
    html = client.get("/pt/").content.decode()
    assert "Agência renomeada" in html and "Menu revisto" in html


@pytest.mark.django_db
def test_library_count_and_years_follow_a_new_document(client, fragments, changes):
    before = client.get("/pt/biblioteca/").context["documents"].paginator.count
    document = LibraryDocument.objects.first()

    def add():
        document.pk = document.id = None
        document.import_key = None
        document.published_year, document.published_on = 1999, None
        document.save()

    changes(add)
    response = client.get("/pt/biblioteca/")
    assert response.context["documents"].paginator.count == before + 1
    assert 1999 in response.context["years"]
