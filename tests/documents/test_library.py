"""The document library page: filters, sorting, pagination and each document's page."""

import pytest

from documents.models import LibraryDocument
from tests.documents.factories import DocumentLibraryPageFactory, LibraryDocumentFactory
from tests.html import read_page


@pytest.fixture
def library(translated_pair):
    return translated_pair(DocumentLibraryPageFactory, "library")


def listed(response):
    return [document.pk for document in response.context["documents"]]


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_lists_documents_with_date_category_type_size_and_language(client, library, code):
    LibraryDocumentFactory(
        title_pt="Relatório do workshop", title_en="Workshop report", published_year=2023
    )
    response = client.get(library[code].url)
    html = response.content.decode()
    assert response.status_code == 200
    assert read_page(response).lang == code
    assert ("Relatório do workshop" if code == "pt" else "Workshop report") in html
    assert ("Relatório de workshop" if code == "pt" else "Workshop report") in html  # category
    assert "PDF, 2,0\xa0KB" in html or "PDF, 2.0\xa0KB" in html
    assert ("Português" if code == "pt" else "Portuguese") in html
    assert "2023" in html


@pytest.mark.django_db
def test_filters_by_category_language_and_year(client, library):
    faq = LibraryDocumentFactory(category="faq", file_language="en", published_year=2019)
    report = LibraryDocumentFactory(category="workshop_report", published_year=2023)
    both = LibraryDocumentFactory(category="article", file_language="both", published_year=2023)
    url = library["en"].url
    assert listed(client.get(url, {"category": "faq"})) == [faq.pk]
    assert set(listed(client.get(url, {"language": "en"}))) == {faq.pk, both.pk}
    assert set(listed(client.get(url, {"year": "2023"}))) == {report.pk, both.pk}
    assert listed(client.get(url, {"year": "2023", "category": "article"})) == [both.pk]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"category": "nonsense"},
        {"category": "faq\x00"},
        {"language": "fr"},
        {"year": "abc"},
        {"year": "-1"},
        {"year": "99999999999999999999"},
        {"sort": "'; DROP TABLE documents_librarydocument; --"},
        {"category": "x" * 10_000},
        {"page": "\x00"},
        {"category": "<script>alert(1)</script>"},
    ],
)
def test_junk_filters_are_ignored(client, library, params):
    documents = LibraryDocumentFactory.create_batch(3)
    response = client.get(library["pt"].url, params)
    assert response.status_code == 200
    assert set(listed(response)) == {d.pk for d in documents}
    assert b"<script>alert(1)" not in response.content


@pytest.mark.django_db
def test_sorts_by_newest_or_title(client, library):
    older = LibraryDocumentFactory(title_en="B report", published_year=2019)
    newer = LibraryDocumentFactory(title_en="C report", published_year=2023)
    undated = LibraryDocumentFactory(title_en="A report", published_year=None)
    url = library["en"].url
    assert listed(client.get(url)) == [newer.pk, older.pk, undated.pk]
    assert listed(client.get(url, {"sort": "title"})) == [undated.pk, older.pk, newer.pk]


@pytest.mark.django_db
@pytest.mark.parametrize(("page", "expected"), [("2", 2), ("999", 2), ("0", 1), ("x", 1)])
def test_page_number_out_of_range_shows_last_page(client, library, page, expected):
    LibraryDocumentFactory.create_batch(25)
    response = client.get(library["pt"].url, {"page": page})
    assert response.status_code == 200
    assert response.context["documents"].number == expected


@pytest.mark.django_db
def test_pagination_keeps_the_filters(client, library):
    LibraryDocumentFactory.create_batch(25, category="faq")
    html = client.get(library["pt"].url, {"category": "faq"}).content.decode()
    assert "?category=faq&amp;page=2" in html


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_each_document_has_its_own_page(client, library, code):
    document = LibraryDocumentFactory(
        title_pt="Módulo estratégico", title_en="Strategic module", category="guidance_module"
    )
    response = client.get(library[code].document_url(document))
    html = response.content.decode()
    assert response.status_code == 200
    assert read_page(response).h1 == ("Módulo estratégico" if code == "pt" else "Strategic module")
    assert document.url in html
    assert ("Módulo de orientação" if code == "pt" else "Guidance module") in html
    other = "en" if code == "pt" else "pt"
    switcher = read_page(response).switcher[other]
    assert switcher == library[other].url + f"{document.pk}/"
    assert client.get(switcher).status_code == 200


@pytest.mark.django_db
def test_unknown_document_is_a_404(client, library):
    assert client.get(library["en"].url + "999999/").status_code == 404


@pytest.mark.django_db
def test_library_does_not_take_wagtails_documents_url(client, library):
    document = LibraryDocumentFactory()
    assert not library["en"].url.startswith("/documents/")
    assert document.url.startswith("/documents/")
    response = client.get(document.url)
    assert response.status_code == 200


@pytest.mark.django_db
def test_english_title_falls_back_to_portuguese(client, library):
    LibraryDocumentFactory(title_pt="Só em português", title_en="")
    assert "Só em português" in client.get(library["en"].url).content.decode()


def test_categories_cover_the_issue():
    assert set(LibraryDocument.Category.values) == {
        "faq", "guidance_module", "seminar_report", "good_practice_report", "workshop_report",
        "factsheet", "webinar_material", "translation", "market_study", "article",
        "case_study_sheet", "project_file", "template",
    }  # fmt: skip
