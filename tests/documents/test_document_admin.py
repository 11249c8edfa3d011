"""Staff upload documents, one or many, and edit both languages."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from documents.models import LibraryDocument
from tests.documents import active_files

PDF = active_files.pdf()  # a real PDF: one pypdf cannot read is refused


def pdf(name="relatorio.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.mark.django_db
def test_single_upload_saves_both_languages(staff_client):
    form = staff_client.get(reverse("wagtaildocs:add")).content.decode()
    for field in ("title_pt", "title_en", "description_pt", "description_en", "category"):
        assert f'name="{field}"' in form
    response = staff_client.post(
        reverse("wagtaildocs:add"),
        {
            "title_pt": "Relatório do workshop",
            "title_en": "Workshop report",
            "description_pt": "Conclusões.",
            "description_en": "Conclusions.",
            "category": "workshop_report",
            "file_language": "pt",
            "published_year": "2023",
            "file": pdf(),
            "collection": "1",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    document = LibraryDocument.objects.get()
    assert (document.title_pt, document.title_en) == ("Relatório do workshop", "Workshop report")
    assert document.category == "workshop_report"
    assert document.file_size == len(PDF)


@pytest.mark.django_db
def test_multiple_upload_creates_documents(staff_client):
    response = staff_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": pdf("ficha.pdf"), "collection": "1"},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200
    assert response.json()["success"], response.json()
    document = LibraryDocument.objects.get()
    assert document.title_pt and document.title_en  # filled from the file name


@pytest.mark.django_db
def test_document_listing_opens(staff_client):
    LibraryDocument.objects.create(title="x", title_pt="x", file=pdf())
    assert staff_client.get(reverse("wagtaildocs:index")).status_code == 200


@pytest.mark.django_db
def test_document_listing_filters_by_category_language_and_year(staff_client):
    LibraryDocument.objects.create(title="FAQ", title_pt="FAQ", category="faq", file=pdf("a.pdf"))
    LibraryDocument.objects.create(
        title="Estudo", title_pt="Estudo", category="market_study", published_year=2021,
        file=pdf("b.pdf"),
    )  # fmt: skip
    url = reverse("wagtaildocs:index")
    names = lambda response: [d.title for d in response.context["documents"]]  # noqa: E731
    assert names(staff_client.get(url, {"category": "faq"})) == ["FAQ"]
    assert names(staff_client.get(url, {"published_year": "2021"})) == ["Estudo"]
    results = staff_client.get(reverse("wagtaildocs:index_results"), {"category": "market_study"})
    assert names(results) == ["Estudo"]
