"""Search at scale: both engines rank a bounded set of candidates; ranked ids are cached."""

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

import pytest

from core.models import ContentVersion
from search import query
from search.models import SearchEntry
from tests.portal.factories import ContentPageFactory


def entry(object_id, title, text="", language="pt", kind="document"):
    return SearchEntry.objects.create(
        kind=kind,
        object_id=object_id,
        language=language,
        title=title,
        text=text,
    )


@pytest.mark.django_db
def test_a_title_match_outranks_more_numerous_matches_in_the_text(monkeypatch):
    monkeypatch.setattr(query, "CANDIDATES", 3)
    for n in range(8):
        entry(n, f"Relatório {n}", "Um estudo de dessalinização da água do mar.")
    best = entry(99, "Dessalinização em Portugal")  # written last: found last in the table
    found = query.search("pt", "dessalinizacao")
    assert found[0] == best.pk
    assert len(found) <= 4  # three candidates of each kind, one of them possibly the title match


@pytest.mark.django_db
def test_a_language_s_candidates_are_not_crowded_out_by_the_other_language(monkeypatch):
    monkeypatch.setattr(query, "CANDIDATES", 3)
    for n in range(8):  # written first: the first matches in the table are English
        entry(n, f"PCP report {n}", language="en")
    portuguese = {entry(10 + n, f"Relatório PCP {n}").pk for n in range(8)}
    found = query.search("pt", "PCP")
    # Portuguese candidates only, at most three of each branch (every word, title).
    assert found and set(found) <= portuguese
    assert len(found) <= 6


@pytest.mark.django_db
def test_the_kind_filter_applies_inside_the_candidate_bound(monkeypatch):
    monkeypatch.setattr(query, "CANDIDATES", 3)
    for n in range(8):  # written first: the first matches in the table are documents
        entry(n, f"Parceria para a inovação {n}")
    answers = {entry(10 + n, f"Parceria {n}", "Inovação.", kind="faq").pk for n in range(10)}
    found = query.search("pt", "parceria inovação", kind="faq")
    # Answers only, at most three of each branch (any word, every word, title).
    assert found and set(found) <= answers
    assert len(found) <= 9


@pytest.mark.django_db
def test_a_full_narrower_branch_ranks_above_every_wider_one(monkeypatch):
    """Three titles hold both words: they rank first on both engines; PostgreSQL, which asks
    the narrowest branch first, does not ask the others (not even the widest, after a branch it
    skipped), SQLite ranks their first matches below."""
    monkeypatch.setattr(query, "CANDIDATES", 3)
    for n in range(4):  # written first: the first matches in the table hold one of the words
        entry(n, f"Consulta {n}", "Uma consulta ao mercado.")
    titles = {entry(10 + n, f"Consulta preliminar {n}").pk for n in range(3)}
    found = query.search("pt", "consulta preliminar")
    assert set(found[:3]) == titles
    if connection.vendor == "postgresql":
        assert len(found) == 3


@pytest.mark.django_db
def test_below_the_candidate_bound_every_match_is_ranked():
    for n in range(12):
        entry(n, f"Relatório {n}", "Parcerias para a inovação." * (n % 3 + 1))
    entry(50, "Parceria para a Inovação")
    entry(51, "Partnership", "Innovation partnership.", language="en")
    found = query.entries_in_order(query.search("pt", "parceria"))
    assert len(found) == 13
    assert found[0].title == "Parceria para a Inovação"


@pytest.mark.django_db
def test_ranked_ids_are_remembered_until_the_content_version_changes(settings):
    settings.FRAGMENT_CACHE_SECONDS = 600
    first = entry(1, "Dessalinização")
    assert query.cached_search(RequestFactory().get("/"), "pt", "Dessalinização") == [first.pk]
    second = entry(2, "Dessalinização no Algarve")
    # Same words in another case: the same cached ids, the new entry not yet among them.
    assert query.cached_search(RequestFactory().get("/"), "pt", "dessalinização") == [first.pk]
    ContentVersion.bump()
    found = query.cached_search(RequestFactory().get("/"), "pt", "dessalinização")
    assert sorted(found) == [first.pk, second.pk]


@pytest.mark.django_db
def test_cached_ids_differ_by_language_filter_and_prefix(settings):
    settings.FRAGMENT_CACHE_SECONDS = 600
    entry(1, "Dessalinização")
    english = entry(2, "Desalination", language="en")
    request = RequestFactory().get("/")
    assert query.cached_search(request, "en", "desalination") == [english.pk]
    assert query.cached_search(request, "en", "desalination", kind="webinar") == []
    assert query.cached_search(request, "en", "desal", prefix=True) == [english.pk]
    assert query.cached_search(request, "en", "desal") == []


@pytest.mark.django_db
def test_a_result_loads_only_the_start_of_a_long_text():
    long = entry(1, "Relatório", "Dessalinização da água do mar. " + "palavra " * 20000)
    [found] = query.entries_in_order([long.pk])
    assert found.excerpt.startswith("Dessalinização da água do mar.")
    assert len(found.excerpt) == query.EXCERPT + 1
    assert "text" in found.get_deferred_fields()


@pytest.mark.django_db
def test_a_published_page_is_found_at_once_with_ids_cached(
    client, homes, settings, django_capture_on_commit_callbacks
):
    settings.FRAGMENT_CACHE_SECONDS = 600
    assert "Dessalinização" not in client.get("/pt/pesquisa/", {"q": "dessalinização"}).text
    with django_capture_on_commit_callbacks(execute=True):  # as the admin commits an edit
        page = ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale)
        page.title = "Dessalinização"
        page.save_revision().publish()
    assert "Dessalinização" in client.get("/pt/pesquisa/", {"q": "dessalinização"}).text


def ranking_sql(language, words):
    """The SQL of the ranking query PostgreSQL ran for these words (the last query)."""
    with CaptureQueriesContext(connection) as queries:
        query.search(language, words)
    return queries.captured_queries[-1]["sql"]


@pytest.mark.django_db
def test_one_word_ranks_without_the_any_word_branch():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's ranking query")
    # One word: "any" is "every", the same rows; two words: entries with some of them too.
    assert ranking_sql("pt", "dessalinização").count("SELECT id, title") == 2
    assert ranking_sql("pt", "dessalinização costeira").count("SELECT id, title") == 3
    assert ranking_sql("en", "innovation partnership").count("SELECT id, title") == 3


@pytest.mark.django_db
def test_the_words_reach_the_ranking_as_tsqueries_read_first():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's ranking query")
    both = entry(1, "Consulta preliminar ao mercado", "Antes do procedimento.").pk
    apart = entry(2, "Mercado", "Uma consulta feita antes.").pk
    one = entry(3, "Consulta", "Sem a outra palavra.").pk
    with CaptureQueriesContext(connection) as queries:
        found = query.search("pt", "consultas mercados")  # plurals folded, then stemmed
    # The words are stemmed once, before; the ranking calls no stemming function of its own.
    stemming, ranking = queries.captured_queries[-2:]
    assert "portal_folded_query" in stemming["sql"]
    assert "portal_folded" not in ranking["sql"]
    # Both words side by side, then apart, then one of them; quotes stay bound values.
    assert found == [both, apart, one]
    assert sorted(query.search("pt", "consulta'; DROP TABLE x; --")) == [both, apart, one]
