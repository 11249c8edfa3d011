"""FAQ entries and glossary terms are found each at its anchor, live entries only, in step with
publishing, unpublishing, drafts and deletion (on SQLite and PostgreSQL alike)."""

from wagtail.models import PageViewRestriction

import pytest

from search.models import SearchEntry
from tests.portal.factories import (
    FAQEntryFactory,
    FAQPageFactory,
    GlossaryPageFactory,
    GlossaryTermFactory,
)

SEARCH = {"pt": "/pt/pesquisa/", "en": "/en/search/"}


def results(client, code, query, **params):
    response = client.get(SEARCH[code], {"q": query, **params})
    assert response.status_code == 200
    return [(entry.title, entry.url) for entry in response.context["results"]]


@pytest.fixture
def faq_pages(homes):
    pages = {}
    for code, home in homes.items():
        pages[code] = FAQPageFactory(
            parent=home, locale=home.locale, slug="perguntas" if code == "pt" else "faq"
        )
    return pages


def entry(**kwargs):
    defaults = {
        "question_pt": "Como tratar a propriedade intelectual?",
        "question_en": "How should intellectual property be handled?",
        "short_answer_pt": "Defina as regras de titularidade à partida.",
        "short_answer_en": "Set the ownership rules at the outset.",
        "answer_pt": "<p>Na contratação <b>pré-comercial</b> o fornecedor fica com a patente.</p>",
        "answer_en": "<p>In <b>pre-commercial</b> procurement suppliers keep the patent.</p>",
        "live": True,
    }
    return FAQEntryFactory(**{**defaults, **kwargs})


@pytest.mark.django_db
def test_live_entry_is_found_at_its_anchor_in_each_language(client, faq_pages):
    faq = entry(slug="ipr")
    assert results(client, "pt", "patente") == [
        ("Como tratar a propriedade intelectual?", faq_pages["pt"].url + "#ipr")
    ]
    assert results(client, "en", "patent") == [
        ("How should intellectual property be handled?", faq_pages["en"].url + "#ipr")
    ]
    stored = SearchEntry.objects.get(kind="faq", object_id=faq.pk, language="en")
    assert "<b>" not in stored.text and "pre-commercial procurement" in stored.text


@pytest.mark.django_db
def test_english_falls_back_to_the_portuguese_entry(client, faq_pages):
    entry(slug="so-pt", question_en="", short_answer_en="", answer_en="")
    assert results(client, "en", "patente") == [
        ("Como tratar a propriedade intelectual?", faq_pages["en"].url + "#so-pt")
    ]


@pytest.mark.django_db
def test_drafts_and_entries_in_moderation_are_never_found(client, faq_pages):
    entry(slug="draft", live=False)
    assert results(client, "pt", "patente") == []
    live = entry(slug="live")
    # A draft of a live entry (as the snippet editor saves it): the index keeps the live text.
    live.question_pt = "Rascunho sobre licenças"
    live.save_revision()
    assert results(client, "pt", "licenças") == []
    assert [title for title, _url in results(client, "pt", "patente")] == [
        "Como tratar a propriedade intelectual?"
    ]


@pytest.mark.django_db
def test_publishing_unpublishing_and_deleting_keep_the_index_exact(client, faq_pages):
    faq = entry(slug="ipr", live=False)
    faq.question_pt = "Quem fica com a patente?"
    faq.save_revision().publish()
    assert [title for title, _url in results(client, "pt", "patente")] == [
        "Quem fica com a patente?"
    ]
    faq.refresh_from_db()  # publish() saved a copy made from the revision
    faq.unpublish()
    assert results(client, "pt", "patente") == []
    faq.save_revision().publish()
    assert len(results(client, "pt", "patente")) == 1
    faq.delete()
    assert results(client, "pt", "patente") == []
    assert not SearchEntry.objects.filter(kind="faq").exists()


@pytest.mark.django_db
def test_glossary_term_is_found_at_its_anchor_and_leaves_when_deleted(client, homes):
    pages = {
        code: GlossaryPageFactory(parent=home, locale=home.locale) for code, home in homes.items()
    }
    term = GlossaryTermFactory(slug="pcp")
    assert ("Contratação pré-comercial", pages["pt"].url + "#pcp") in results(
        client, "pt", "serviços de I&D"
    )
    assert ("Pre-commercial procurement", pages["en"].url + "#pcp") in results(
        client, "en", "PCP", type="glossary"
    )
    term.delete()
    assert results(client, "en", "PCP", type="glossary") == []


@pytest.mark.django_db
def test_type_filter_offers_faq_answers_and_glossary_terms(client, faq_pages):
    entry(slug="ipr")
    response = client.get(SEARCH["pt"], {"q": "patente", "type": "faq"})
    kinds = [value for value, _label in response.context["kinds"]]
    assert kinds[0] == "page" and {"faq", "glossary"} <= set(kinds)
    assert "Pergunta frequente" in response.content.decode()
    assert len(response.context["results"]) == 1
    # An unknown type is ignored, not a 500.
    assert client.get(SEARCH["en"], {"q": "patent", "type": "nope\x00"}).status_code == 200


@pytest.mark.django_db
def test_suggestions_offer_faq_questions_and_glossary_terms(client, faq_pages, homes):
    GlossaryPageFactory(parent=homes["en"], locale=homes["en"].locale)
    entry(slug="ipr")
    GlossaryTermFactory(slug="ipr-term", term_en="Intellectual property rights")
    titles = client.get("/en/search/suggest/", {"q": "intellectual prop"}).json()["titles"]
    assert "How should intellectual property be handled?" in titles
    assert "Intellectual property rights" in titles
    titles = client.get("/pt/pesquisa/sugestoes/", {"q": "propriedade intel"}).json()["titles"]
    assert "Como tratar a propriedade intelectual?" in titles


@pytest.mark.django_db
def test_entries_follow_their_page_unpublished_restricted_and_back(client, faq_pages):
    entry(slug="ipr")
    faq_pages["en"].unpublish()
    # English visitors fall back to the Portuguese FAQ page, as the page's entries do.
    assert results(client, "en", "patent") == [
        ("How should intellectual property be handled?", faq_pages["pt"].url + "#ipr")
    ]
    faq_pages["pt"].unpublish()
    assert results(client, "pt", "patente") == []
    assert results(client, "en", "patent") == []
    assert not SearchEntry.objects.filter(kind="faq").exists()
    faq_pages["pt"].save_revision().publish()
    assert results(client, "pt", "patente") == [
        ("Como tratar a propriedade intelectual?", faq_pages["pt"].url + "#ipr")
    ]
    restriction = PageViewRestriction.objects.create(
        page=faq_pages["pt"], restriction_type=PageViewRestriction.PASSWORD, password="segredo"
    )
    assert results(client, "pt", "patente") == []
    restriction.delete()
    assert len(results(client, "pt", "patente")) == 1


@pytest.mark.django_db
def test_glossary_terms_leave_with_a_deleted_glossary_page(
    client, homes, django_capture_on_commit_callbacks
):
    pages = {
        code: GlossaryPageFactory(parent=home, locale=home.locale) for code, home in homes.items()
    }
    GlossaryTermFactory(slug="pcp")
    assert results(client, "en", "PCP", type="glossary")
    with django_capture_on_commit_callbacks(execute=True):
        pages["en"].delete()
        pages["pt"].delete()
    assert results(client, "en", "PCP", type="glossary") == []
    assert not SearchEntry.objects.filter(kind="glossary").exists()
