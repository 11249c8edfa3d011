"""Parts cached under the content version (menu, footer, counts, bodies, cards, routes): fewer
queries, the same HTML, never stale."""

import re

import pytest

from casestudies.models import CaseStudyPage
from documents.models import LibraryDocument
from portal.models import ContentPage, HomePage, Organisation
from tests.querycount import query_count


@pytest.fixture
def fragments(settings, portal_content, empty_cache):
    settings.FRAGMENT_CACHE_SECONDS = 600


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/pt/",
        "/en/library/",
        "/pt/biblioteca/?category=faq",
        "/pt/casos-de-estudo/",
        "/pt/casos-de-estudo/marine-eo/",
        "/en/webinars/",
        "/pt/modulos/modulo-estrategico/",
        "/pt/compras-publicas-de-inovacao/",
    ],
)
def test_cached_parts_save_queries_and_change_nothing(client, settings, fragments, url):
    cached = query_count(client, url)
    cached_html = without_term_ids(client.get(url).content)
    settings.FRAGMENT_CACHE_SECONDS = 0
    assert query_count(client, url) > cached
    assert without_term_ids(client.get(url).content) == cached_html


def without_term_ids(html):
    """Glossary terms are numbered by a counter that runs on from render to render."""
    return re.sub(rb"gdef-[0-9a-f]+-\d+", b"gdef-N", html)


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
    document = LibraryDocument.objects.listed().first()  # a document shown on its own

    def add():
        document.pk = document.id = None
        document.import_key = None
        document.published_year, document.published_on = 1999, None
        document.save()

    changes(add)
    response = client.get("/pt/biblioteca/")
    assert response.context["documents"].paginator.count == before + 1
    assert 1999 in response.context["years"]


@pytest.mark.django_db
def test_cards_and_bodies_follow_an_edit(client, fragments, changes):
    for url in ("/pt/", "/pt/biblioteca/", "/pt/casos-de-estudo/", "/pt/casos-de-estudo/mertola/"):
        client.get(url)
    document = LibraryDocument.objects.listed().first()  # newest first, shown on its own
    case = CaseStudyPage.objects.get(slug="marine-eo", locale__language_code="pt")
    home = HomePage.objects.get(locale__language_code="pt")
    old_title = case.title

    def edit():
        document.title_pt = "Documento com título novo"
        document.save()
        case.title = "Caso com título novo"
        case.save_revision().publish()
        home.body = [("paragraph", "<p>Corpo com texto novo.</p>")]
        home.save_revision().publish()

    changes(edit)
    home_html = client.get("/pt/").content.decode()
    assert "Documento com título novo" in home_html and "Corpo com texto novo." in home_html
    assert "Documento com título novo" in client.get("/pt/biblioteca/").content.decode()
    assert "Caso com título novo" in client.get("/pt/casos-de-estudo/").content.decode()
    similar = client.get("/pt/casos-de-estudo/mertola/").context["similar_cases"]
    assert old_title not in [c.title for c in similar]  # a similar case is never the old one
