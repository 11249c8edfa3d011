"""Ranking that favours answers (search/ranking.py), on SQLite's bm25 and PostgreSQL's ts_rank:
a title or an FAQ question above body text, a phrase above scattered words, an answer above a
library sheet that merely mentions the words."""

import pytest

from search import indexing
from search.query import search
from tests.documents.factories import LibraryDocumentFactory
from tests.portal.factories import ContentPageFactory, FAQEntryFactory, FAQPageFactory

FILLER = "Texto de enchimento sobre compras e orientação geral para entidades. " * 3


def page(home, title, intro):
    created = ContentPageFactory(parent=home, locale=home.locale, title=title, intro=intro)
    created.save_revision().publish()
    return created


def titles(language, query):
    from search.models import SearchEntry

    entries = SearchEntry.objects.in_bulk(search(language, query))
    return [entries[pk].title for pk in search(language, query)]


@pytest.mark.django_db
def test_a_title_match_ranks_above_a_body_match(homes):
    # The body says it three times in a short text, the title once: the title still wins.
    page(homes["pt"], "Notas gerais", "Dessalinização: a dessalinização e mais dessalinização.")
    page(homes["pt"], "Dessalinização", FILLER)
    assert titles("pt", "dessalinização") == ["Dessalinização", "Notas gerais"]


@pytest.mark.django_db
def test_an_faq_question_ranks_above_a_page_that_mentions_the_words(homes):
    page(homes["en"], "General notes", "Rainwater tanks. Rainwater tanks.")
    question = "Can a city buy rainwater tanks for its schools and parks?"
    FAQPageFactory(parent=homes["en"], locale=homes["en"].locale)  # entries are found on it
    FAQEntryFactory(question_en=question, short_answer_en="Yes, " + FILLER, live=True)
    assert titles("en", "rainwater tanks")[0] == question


@pytest.mark.django_db
def test_the_words_side_by_side_rank_above_the_same_words_apart(homes):
    page(homes["pt"], "Apartadas", "Ciclo e custo.")  # shorter: bm25 alone prefers it
    page(homes["pt"], "Juntas", "Sobre o custo do ciclo da obra.")
    assert titles("pt", "custo do ciclo")[0] == "Juntas"


@pytest.mark.django_db
def test_every_word_ranks_above_some_words_and_some_words_still_find(homes):
    page(homes["en"], "Tanks", "Rainwater, rainwater and rainwater.")
    page(homes["en"], "Tanks and pumps", "Pumps and rainwater for the city, its streets and parks.")
    assert titles("en", "rainwater pumps") == ["Tanks and pumps", "Tanks"]
    # A buyer's question: stop words aside, an entry with some of its words is still found.
    assert titles("en", "what are the rules for pumps?") == ["Tanks and pumps"]
    assert titles("en", "pumps for the harbour") == ["Tanks and pumps"]


@pytest.mark.django_db
def test_guidance_ranks_above_a_library_sheet_that_mentions_the_words(homes):
    document = LibraryDocumentFactory(
        title_pt="Ficha técnica", description_pt="Menciona o diálogo concorrencial de passagem."
    )
    indexing.index_record(indexing.registry.source_for_kind("document"), document)
    page(homes["pt"], "Orientação", "Quando usar o diálogo concorrencial e como o preparar.")
    assert titles("pt", "diálogo concorrencial")[:2] == ["Orientação", "Ficha técnica"]
