"""Plural, singular, inflected, accented and unaccented forms meet, on SQLite and PostgreSQL."""

from django.conf import settings
from django.db import transaction

import pytest

from ops.content_loader import ContentLoader
from search import stemming
from search.query import entries_in_order, search
from tests.search.search_pairs import ENGLISH, PORTUGUESE, SUGGESTIONS


@pytest.fixture(scope="module")
def real_content(django_db_setup, django_db_blocker):
    """The fixtures loaded once for the whole table, rolled back when the module ends."""
    with django_db_blocker.unblock(), transaction.atomic():
        ContentLoader(settings.BASE_DIR / "fixtures").load()
        yield
        transaction.set_rollback(True)


def titles(language, query, **options):
    return [entry.title for entry in entries_in_order(search(language, query, **options))]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "query", "title"),
    [("pt", *pair) for pair in PORTUGUESE] + [("en", *pair) for pair in ENGLISH],
)
def test_query_finds_the_page_of_another_form(real_content, language, query, title):
    assert any(found.startswith(title) for found in titles(language, query))


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "typed", "word"), SUGGESTIONS)
def test_suggestions_match_word_prefixes(real_content, client, language, typed, word):
    url = "/pt/pesquisa/sugestoes/" if language == "pt" else "/en/search/suggest/"
    suggested = client.get(url, {"q": typed}).json()["titles"]
    assert any(word.casefold() in title.casefold() for title in suggested)


def test_table_is_large_enough():
    assert len(PORTUGUESE) >= 20
    assert len(ENGLISH) >= 10


@pytest.mark.parametrize(
    ("language", "one", "other"),
    [
        ("pt", "inovações", "inovacao"),
        ("pt", "Contratações", "contratacao"),
        ("pt", "eficiência", "eficiencia"),
        ("pt", "parcerias", "parceria"),
        ("en", "partnerships", "partnership"),
    ],
)
def test_forms_share_one_stem(language, one, other):
    assert stemming.stem_words(language, one) == stemming.stem_words(language, other)


def test_portuguese_and_english_stem_differently():
    assert stemming.stem_words("pt", "inovações") == ["inov"]
    assert stemming.stem_words("en", "innovations") == ["innov"]
