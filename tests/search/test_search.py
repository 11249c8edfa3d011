"""Site search in each language, on SQLite (FTS5) and PostgreSQL (per-language configurations)."""

from django.core.files.base import ContentFile

import pytest
from fpdf import FPDF

from search.models import SearchEntry
from tests.documents.factories import DocumentLibraryPageFactory, LibraryDocumentFactory
from tests.portal.factories import ContentPageFactory

SEARCH = {"pt": "/pt/pesquisa/", "en": "/en/search/"}


def found(client, code, query, **params):
    response = client.get(SEARCH[code], {"q": query, **params})
    assert response.status_code == 200
    return [entry.title for entry in response.context["results"]]


@pytest.fixture
def pages(homes):
    pt = ContentPageFactory(
        parent=homes["pt"],
        locale=homes["pt"].locale,
        title="Contratação pré-comercial",
        intro="Aquisição de serviços de investigação e desenvolvimento.",
    )
    pt.save_revision().publish()
    en = ContentPageFactory(
        parent=homes["en"],
        locale=homes["en"].locale,
        title="Innovation partnership",
        intro="A procedure to develop and then buy an innovative solution.",
        translation_key=pt.translation_key,
    )
    en.save_revision().publish()
    return {"pt": pt, "en": en}


@pytest.mark.django_db
def test_unaccented_portuguese_query_finds_accented_content(client, pages):
    assert "Contratação pré-comercial" in found(client, "pt", "contratacao pre-comercial")
    assert "Contratação pré-comercial" in found(client, "pt", "CONTRATAÇÃO")


@pytest.mark.django_db
def test_english_plural_finds_the_singular(client, pages):
    assert "Innovation partnership" in found(client, "en", "partnerships")
    assert "Innovation partnership" in found(client, "en", "procedures")


@pytest.mark.django_db
def test_results_never_cross_languages(client, pages):
    assert found(client, "en", "contratacao") == []
    assert found(client, "pt", "partnership") == []


@pytest.mark.django_db
def test_word_found_only_inside_a_pdf_finds_its_document(client, homes):
    DocumentLibraryPageFactory(parent=homes["en"], locale=homes["en"].locale)
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "The zanzibarite prototype passed its field tests.")
    document = LibraryDocumentFactory(
        title_en="Field report", file=ContentFile(bytes(pdf.output()), name="field.pdf")
    )
    assert "zanzibarite" in document.text_content
    response = client.get(SEARCH["en"], {"q": "zanzibarite"})
    results = list(response.context["results"])
    assert [entry.title for entry in results] == ["Field report"]
    assert results[0].url.startswith("/en/")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "\x00",
        "contratação\x00",
        "a" * 10_000,
        "!!! ??? ...",
        '"',
        "* OR NEAR( ^ - : AND NOT",
        "title:x OR 1=1; --",
        "<script>alert(1)</script>",
        "\u202e\U0001f600",
        "partnership & | ! ( ) <-> :*",
    ],
)
@pytest.mark.parametrize("code", ["pt", "en"])
def test_hostile_queries_get_a_normal_page(client, pages, query, code):
    response = client.get(SEARCH[code], {"q": query})
    assert response.status_code == 200
    assert b"<script>alert(1)" not in response.content
    suggest = client.get(
        SEARCH[code] + ("sugestoes/" if code == "pt" else "suggest/"), {"q": query}
    )
    assert suggest.status_code == 200


@pytest.mark.django_db
def test_results_show_their_type_and_filter_by_it(client, pages, homes):
    DocumentLibraryPageFactory(parent=homes["en"], locale=homes["en"].locale)
    LibraryDocumentFactory(title_en="Innovation partnership slides")
    html = client.get(SEARCH["en"], {"q": "innovation partnership"}).content.decode()
    assert '<span class="badge">Document</span>' in html
    assert '<span class="badge">Page</span>' in html
    assert found(client, "en", "innovation partnership", type="document") == [
        "Innovation partnership slides"
    ]
    assert found(client, "en", "innovation partnership", type="nonsense")  # junk type ignored


@pytest.mark.django_db
def test_results_paginate_and_out_of_range_shows_last_page(client, homes):
    for number in range(25):
        ContentPageFactory(
            parent=homes["en"], locale=homes["en"].locale, title=f"Market dialogue {number}"
        ).save_revision().publish()
    response = client.get(SEARCH["en"], {"q": "dialogue", "page": "99"})
    assert response.context["results"].number == 3
    assert len(response.context["results"].object_list) == 5


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_zero_results_offer_a_correction_and_useful_pages(client, pages, code):
    query = "contartação" if code == "pt" else "partenrship"
    response = client.get(SEARCH[code], {"q": query})
    html = response.content.decode()
    assert response.context["results"].paginator.count == 0
    assert response.context["suggestion"] == ("contratação" if code == "pt" else "partnership")
    assert ("Queria dizer" if code == "pt" else "Did you mean") in html
    assert response.context["useful_pages"] == []  # the test site has none of those pages


@pytest.mark.django_db
def test_suggestions_are_titles_in_the_active_language(client, pages):
    data = client.get("/en/search/suggest/", {"q": "innovation"}).json()
    assert data["titles"] == ["Innovation partnership"]
    assert client.get("/pt/pesquisa/sugestoes/", {"q": "innovation"}).json()["titles"] == []


@pytest.mark.django_db
def test_search_box_works_without_javascript(client, homes):
    html = client.get("/en/").content.decode()
    assert '<form class="search-box" method="get" action="/en/search/" role="search"' in html
    assert 'data-suggest-url="/en/search/suggest/"' in html


@pytest.mark.django_db
def test_index_follows_publishing_and_deletion(client, pages):
    page = pages["en"]
    page.unpublish()
    assert not SearchEntry.objects.filter(object_id=page.pk).exists()
    page.save_revision().publish()
    assert SearchEntry.objects.filter(object_id=page.pk, language="en").exists()
    document = LibraryDocumentFactory()
    assert SearchEntry.objects.filter(kind="document", object_id=document.pk).count() == 2
    document.delete()
    assert not SearchEntry.objects.filter(kind="document", object_id=document.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "words"),
    [("pt", "Pesquise no portal Procure+i"), ("en", "Search the Procure+i portal")],
)
def test_the_search_page_describes_itself_in_its_language(client, pages, code, words):
    html = client.get(SEARCH[code], {"q": "inovação"}).content.decode()
    assert f'<meta name="description" content="{words}' in html
