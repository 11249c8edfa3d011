"""generate_scale_data writes a bilingual data set and the search entries that go with it."""

import io

from django.core.management import call_command

import pytest

from casestudies.models import CaseStudyPage
from documents.models import LibraryDocument, Webinar
from search.models import SearchEntry


@pytest.mark.django_db
def test_generates_documents_cases_and_webinars_in_both_languages(client, portal_content):
    documents, webinars = LibraryDocument.objects.count(), Webinar.objects.count()
    out = io.StringIO()
    call_command("generate_scale_data", documents=45, case_studies=3, webinars=5, stdout=out)
    assert LibraryDocument.objects.count() == documents + 45
    assert Webinar.objects.count() == webinars + 5
    generated = LibraryDocument.objects.get(import_key="benchmark-7")
    assert generated.title_pt.startswith("Documento de teste 7")
    assert generated.title_en.startswith("Test document 7")
    cases = CaseStudyPage.objects.filter(slug="benchmark-case-2")
    assert {case.locale.language_code for case in cases} == {"pt", "en"}
    assert len({case.translation_key for case in cases}) == 1
    entries = SearchEntry.objects.filter(kind="document", object_id=generated.pk)
    assert set(entries.values_list("language", flat=True)) == {"pt", "en"}
    # One document in RARE_EVERY holds the rare word, in both languages: the first one here.
    assert SearchEntry.objects.filter(text__contains="dessalinização", language="pt").count() == 1
    assert SearchEntry.objects.filter(text__contains="desalination", language="en").count() == 1
    assert "100%" in out.getvalue()
    assert client.get("/en/library/?q=&sort=title").status_code == 200
    assert "Test case 2" in client.get("/en/case-studies/").content.decode()
