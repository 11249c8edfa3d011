"""Synonyms and acronyms editors manage (search.models.Synonym), on SQLite and PostgreSQL."""

from django.core.exceptions import ValidationError
from django.utils import translation

import pytest

from search import query, synonyms
from search.models import SearchEntry, Synonym
from tests.search.published import publish_pages

SEARCH = {"pt": "/pt/pesquisa/", "en": "/en/search/"}
ADMIN_ADD = "/admin/snippets/search/synonym/add/"


def entry(object_id, text, language="pt"):
    return SearchEntry.objects.create(
        kind="document",
        object_id=object_id,
        language=language,
        title=f"Entrada {object_id}",
        text=text,
    ).pk


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "query_text", "text"),
    [
        ("pt", "PCP", "Um guia de contratação pré-comercial para hospitais."),
        ("pt", "pcp", "Um guia de contratação pré-comercial para hospitais."),
        ("pt", "contratação pré-comercial", "O PCP em hospitais."),
        ("pt", "contratacoes pre-comerciais", "O PCP em hospitais."),
        ("pt", "CPI", "Compras públicas de inovação nos municípios."),
        ("pt", "PPI", "Compras públicas de inovação nos municípios."),
        ("pt", "compras publicas de inovacao", "A CPI nos municípios."),
        ("pt", "I&D", "Projetos de investigação e desenvolvimento."),
        ("pt", "investigação e desenvolvimento", "Projetos de I&D."),
        ("pt", "CCP", "O artigo 30.º do Código dos Contratos Públicos."),
        ("pt", "TED", "Anúncios no Tenders Electronic Daily."),
        ("pt", "BASE", "Contratos publicados no portal dos contratos públicos."),
        ("en", "PCP", "A guide to pre-commercial procurement for hospitals."),
        ("en", "pre-commercial procurement", "PCP in hospitals."),
        ("en", "PPI", "Public procurement of innovation in cities."),
        ("en", "R&D", "Research and development projects."),
        ("en", "research and development", "R&D projects."),
        ("en", "CCP", "Article 30 of the Public Contracts Code."),
        ("en", "TED", "Notices in the Tenders Electronic Daily."),
    ],
)
def test_either_form_finds_the_other(language, query_text, text):
    found = entry(1, text, language)
    entry(2, "Outra coisa." if language == "pt" else "Something else.", language)
    assert query.search(language, query_text) == [found]


@pytest.mark.django_db
def test_a_multi_word_form_is_searched_as_a_phrase():
    entry(1, "Contratação de serviços de limpeza de um centro comercial, pré-pago.")
    together = entry(2, "Contratação pré-comercial.")
    assert query.search("pt", "PCP") == [together]


@pytest.mark.django_db
def test_expansion_stays_in_the_language_and_keeps_other_words():
    entry(1, "A pre-commercial procurement guide.", language="en")
    in_health = entry(2, "Contratação pré-comercial na saúde.")
    entry(3, "Contratação pré-comercial na energia.")
    assert query.search("pt", "PCP saude")[:1] == [in_health]  # then those with PCP alone
    # The English form means nothing in Portuguese: no segment of it is expanded.
    segments = synonyms.expand("pt", ["pre", "commercial", "procurement"])
    assert not any(segment.alternatives for segment in segments)


@pytest.mark.django_db
def test_suggestions_expand_too():
    found = entry(1, "Contratação pré-comercial na saúde.")
    assert query.search("pt", "PCP sau", prefix=True) == [found]


@pytest.mark.django_db
def test_an_edit_takes_effect_without_reindexing():
    found = entry(1, "Economia circular nas compras públicas.")
    assert query.search("pt", "EC") == []
    synonym = Synonym.objects.create(term_pt="EC", expansions_pt="economia circular")
    assert query.search("pt", "EC") == [found]
    synonym.expansions_pt = "energia comunitária"
    synonym.save()
    assert query.search("pt", "EC") == []
    synonym.delete()
    assert synonyms.table("pt").get(("ec",)) is None


@pytest.mark.django_db
def test_the_table_is_read_once_and_cached(django_assert_num_queries):
    synonyms.table("pt")
    with django_assert_num_queries(0):
        synonyms.table("pt")
        synonyms.table("en")


@pytest.mark.django_db
def test_seeded_terms_are_there_in_both_languages():
    pcp = Synonym.objects.get(term_pt="PCP")
    assert pcp.forms("pt") == ["PCP", "contratação pré-comercial"]
    assert pcp.forms("en") == ["PCP", "pre-commercial procurement"]
    assert {"I&D", "R&D"} <= set(Synonym.objects.get(term_en="R&D").forms("pt"))
    assert set(Synonym.objects.values_list("term_pt", flat=True)) >= {
        "PCP", "CPI", "I&D", "CCP", "TED", "BASE"
    }  # fmt: skip


@pytest.fixture
def pcp_pages(homes):
    publish_pages(
        homes,
        ("pt", "Guia para hospitais", "Como preparar uma contratação pré-comercial num hospital."),
        (
            "en",
            "A guide for hospitals",
            "How to prepare a pre-commercial procurement in a hospital.",
        ),
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "q", "title"),
    [("pt", "PCP", "Guia para hospitais"), ("en", "PCP", "A guide for hospitals")],
)
def test_the_search_page_expands_acronyms(client, pcp_pages, language, q, title):
    for typed in (q, f"{q}\x00", f"{q} " + "x" * 5000):
        response = client.get(SEARCH[language], {"q": typed})
        assert response.status_code == 200
        if typed == q:
            assert [e.title for e in response.context["results"]] == [title]


def invalid(language, **fields):
    synonym = Synonym(term_pt="ABC", **fields)
    with translation.override(language):
        with pytest.raises(ValidationError) as error:
            synonym.full_clean()
        return " ".join(str(m) for ms in error.value.message_dict.values() for m in ms)


@pytest.mark.django_db
def test_bad_input_is_refused_in_both_languages():
    assert "at most 40" in invalid("en", term_en="X" * 41)
    assert "no máximo 40" in invalid("pt", term_en="X" * 41)
    assert "at most 12 forms" in invalid("en", expansions_pt="\n".join(["forma"] * 13))
    assert "no máximo 12 formas" in invalid("pt", expansions_pt="\n".join(["forma"] * 13))
    assert "120 characters" in invalid("en", expansions_en="y" * 121)
    assert "120 caracteres" in invalid("pt", expansions_en="y" * 121)
    assert "letter or digit" in invalid("en", expansions_en="---")
    assert "letra ou algarismo" in invalid("pt", term_en="&&")


@pytest.mark.django_db
def test_the_admin_adds_a_synonym_and_refuses_bad_input(staff_client):
    page = staff_client.get(ADMIN_ADD)
    assert page.status_code == 200
    form = {"term_pt": "EC", "term_en": "CE", "expansions_pt": "economia circular"}
    for bad in ({"term_pt": "E\x00C"}, {"term_pt": "E" * 5000}, {"expansions_en": "a\x00b"}):
        response = staff_client.post(ADMIN_ADD, {**form, "expansions_en": "", **bad})
        assert response.status_code == 200
        assert response.context["form"].errors
    assert not Synonym.objects.filter(term_pt="EC").exists()
    response = staff_client.post(ADMIN_ADD, {**form, "expansions_en": "circular economy"})
    assert response.status_code == 302
    assert Synonym.objects.get(term_pt="EC").forms("en") == ["EC", "CE", "circular economy"]


@pytest.mark.django_db
def test_the_admin_menu_lists_synonyms_under_settings(staff_client):
    response = staff_client.get("/admin/")
    assert b"/admin/snippets/search/synonym/" in response.content
