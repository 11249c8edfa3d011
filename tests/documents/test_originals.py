"""A document whose original is not held says so and offers a way to get it; so does a webinar."""

from pathlib import Path
from urllib.parse import quote_plus

from django.conf import settings
from django.core.files.base import ContentFile

import pytest

from documents.sheets import metadata_sheet
from tests.buyers.factories import SupportRequestPageFactory
from tests.documents.factories import (
    DocumentLibraryPageFactory,
    LibraryDocumentFactory,
    WebinarFactory,
    WebinarIndexPageFactory,
)

LABELS = {"pt": "pt", "en": "en"}
ENTRY = {
    "title_pt": "Estudo de exemplo",
    "title_en": "Example study",
    "category": "study",
    "file_language": "pt",
    "description_pt": "Um estudo.",
    "description_en": "A study.",
    "original_url": "https://example.org/estudo/",
}
ASK = {"pt": "Pedir o original ao Procure+i", "en": "Ask Procure+i for the original"}


@pytest.fixture
def site(translated_pair):
    return {
        "library": translated_pair(DocumentLibraryPageFactory, "library"),
        "ask": translated_pair(SupportRequestPageFactory, "ask"),
        "webinars": translated_pair(WebinarIndexPageFactory, "webinars"),
    }


def sheet_document():
    labels = {ENTRY["category"]: LABELS, ENTRY["file_language"]: LABELS}
    pdf = ContentFile(metadata_sheet(ENTRY, labels, labels), name="sheet.pdf")
    return LibraryDocumentFactory(
        title_pt=ENTRY["title_pt"], title_en=ENTRY["title_en"], file=pdf,
        original_url=ENTRY["original_url"],
    )  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_sheet_offers_ask_procure_i_naming_the_document_and_the_original(client, site, code):
    document = sheet_document()
    assert document.is_sheet
    html = client.get(site["library"][code].document_url(document)).content.decode()
    title = ENTRY[f"title_{code}"]
    assert f'href="{site["ask"][code].url}?document={quote_plus(title)}"' in html
    assert ASK[code] in html
    assert 'href="https://example.org/estudo/"' in html


@pytest.mark.django_db
def test_document_with_its_original_offers_no_request(client, site):
    document = LibraryDocumentFactory()
    assert not document.is_sheet
    html = client.get(site["library"]["en"].document_url(document)).content.decode()
    assert ASK["en"] not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "wording"),
    [("pt", "Gostaria de receber o original do documento «"), ("en", "I would like to receive")],
)
def test_support_form_prefills_the_message_escaped(client, site, code, wording):
    page = site["ask"][code]
    html = client.get(page.url, {"document": "<b>Estudo</b>\x00 & co"}).content.decode()
    assert wording in html
    assert "&lt;b&gt;Estudo&lt;/b&gt;" in html
    assert "<b>Estudo" not in html
    assert client.get(page.url, {"document": "x" * 5000}).status_code == 200
    assert wording not in client.get(page.url).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "notice"),
    [("pt", "Não há gravação deste webinar"), ("en", "No recording of this webinar")],
)
def test_webinar_without_recording_says_so_plainly(client, site, code, notice):
    webinar = WebinarFactory()
    index = site["webinars"][code]
    html = client.get(index.webinar_url(webinar)).content.decode()
    assert notice in html
    assert f"{site['ask'][code].url}?document=" in html


def test_fixtures_promise_no_recording_nor_full_document():
    texts = [p.read_text("utf-8") for p in Path(settings.BASE_DIR, "fixtures").rglob("*.toml")]
    for promise in (
        "foi gravado",
        "was recorded",
        "dá acesso ao documento completo",
        "access to the full document",
        "Consultar o estudo",
        "na sua maioria",
        "Todo o conteúdo está disponível",
        "All content is available",
    ):
        assert not any(promise in text for text in texts), promise
