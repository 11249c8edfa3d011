"""Legal statements as the sources word them, cited the same way in the chooser and the FAQ."""

import json
import re
import tomllib
from pathlib import Path

from django.conf import settings

import pytest

from buyers.procedure_limits import AMOUNTS

FIXTURES = Path(settings.BASE_DIR, "fixtures")
CCP = {
    "pt": "Código dos Contratos Públicos, artigo 5.º, n.º 4, alínea j), na redação do "
    "Decreto-Lei n.º 33/2018",
    "en": "Public Contracts Code (CCP), Article 5(4)(j), as amended by Decree-Law No 33/2018",
}
# The three conditions of art. 14 of Directive 2014/24/EU, each of which takes PCP outside it.
CONDITIONS = {
    "pt": ("exclusivamente para a entidade adjudicante", "integralmente pago", "código CPV"),
    "en": ("exclusively to the contracting authority", "wholly paid", "CPV code"),
}


def read(name):
    return tomllib.loads((FIXTURES / name).read_text("utf-8"))


def chooser_pcp(code):
    chooser = read("pages/80_procedure-chooser.toml")[code]
    return next(
        r["value"] for r in chooser["recommendations"] if r["value"]["recommendation"] == "pcp"
    )


def faq_pcp(code):
    return next(q for q in read("faq.toml")["question"] if "CPV" in q.get(f"answer_{code}", ""))


@pytest.mark.parametrize("code", ["pt", "en"])
def test_chooser_and_faq_cite_the_pcp_exclusion_the_same_way(code):
    chooser = chooser_pcp(code)["legal_basis"]
    faq = faq_pcp(code)
    for text in (chooser, faq[f"answer_{code}"], faq[f"legal_source_{code}"]):
        assert CCP[code] in text
    for text in (chooser, faq[f"answer_{code}"]):
        assert all(condition in text for condition in CONDITIONS[code])


@pytest.mark.parametrize("code", ["pt", "en"])
def test_chooser_no_longer_says_results_must_be_shared(code):
    text = str(chooser_pcp(code))
    assert "pertencem exclusivamente" not in text
    assert "must be shared" not in text


def test_workshops_name_no_organiser_without_a_source():
    for name in ("53_event-workshop-justice-2023.toml", "54_event-workshop-lisbon-2023.toml"):
        page = read(f"pages/{name}")
        assert "organiser" not in page["pt"] and "organiser" not in page["en"]


def test_mertola_names_no_buyer_and_no_procurement_years():
    page = read("pages/63_case-mertola.toml")
    assert "start_year" not in page and "end_year" not in page
    assert "buyer" not in page["pt"] and "buyer" not in page["en"]


@pytest.mark.parametrize(
    ("code", "phrase"),
    [("pt", "artigos 30.º, n.º 1, e 31.º, n.º 1"), ("en", "Articles 30(1) and 31(1)")],
)
def test_best_price_quality_ratio_rule_is_cited(code, phrase):
    text = (FIXTURES / "pages/42_module-step-by-step.toml").read_text("utf-8")
    assert phrase in text


def faq(key):
    return next(q for q in read("faq.toml")["question"] if q["key"] == key)


CCP_ROUTES = {
    "pt": ("ajuste direto", "consulta prévia", "concurso público", "concurso limitado"),
    "en": ("ajuste direto", "consulta prévia", "concurso público", "concurso limitado"),
}
VALUE_ARTICLES = {"pt": "artigos 19.º (empreitadas) e 20.º", "en": "Articles 19 (works) and 20"}


@pytest.mark.parametrize("code", ["pt", "en"])
def test_which_procedure_names_the_ccp_routes_and_the_articles_on_value(code):
    answer = faq("which-procedure")[f"answer_{code}"]
    assert all(route in answer for route in CCP_ROUTES[code])
    assert VALUE_ARTICLES[code] in answer


@pytest.mark.parametrize("code", ["pt", "en"])
def test_what_is_ppi_cites_the_definition_and_the_2021_guidance_not_the_pcp_communication(code):
    source = faq("what-is-ppi")[f"legal_source_{code}"]
    assert "C(2021) 4320" in source and "799" not in source
    assert {"pt": "artigo 2.º, n.º 1, ponto 22", "en": "Article 2(1)(22)"}[code] in source


@pytest.mark.parametrize("code", ["pt", "en"])
def test_the_rd_exclusion_has_its_three_conditions_everywhere(code):
    glossary = next(t for t in read("glossary.toml")["term"] if t["key"] == "rd")
    page = str(read("pages/10_innovation-procurement.toml")[code])
    conditions = (*CONDITIONS[code][:2], "CPV", "73000000-2")  # the codes themselves, listed
    for text in (glossary[f"definition_{code}"], page):
        assert all(condition in text for condition in conditions)


@pytest.mark.parametrize(
    ("code", "said", "basis"),
    [
        ("pt", "Em qualquer procedimento, as características", "artigo 74.º, n.º 1, alínea a)"),
        ("en", "In any procedure, innovative", "Article 74(1)(a) of the CCP"),
    ],
)
def test_innovative_award_criteria_only_on_the_best_price_quality_ratio(code, said, basis):
    page = str(read("pages/10_innovation-procurement.toml")[code])
    assert said not in page and basis in page


@pytest.mark.parametrize(
    ("name", "code", "gone"),
    [
        ("pages/62_case-frederiksberg.toml", "pt", "em menos de um ano"),
        ("pages/62_case-frederiksberg.toml", "en", "in less than a year"),
        ("pages/30_partnership.toml", "pt", "que lidera a iniciativa"),
        ("pages/30_partnership.toml", "en", "which leads the initiative"),
        ("pages/63_case-mertola.toml", "pt", "as fontes consultadas"),
        ("pages/63_case-mertola.toml", "en", "the sources consulted"),
        ("pages/41_module-strategic.toml", "pt", "Resumo elaborado pelo Procure+i"),
        ("pages/42_module-step-by-step.toml", "en", "A summary written by Procure+i"),
    ],
)
def test_statements_the_sources_do_not_support_are_gone(name, code, gone):
    assert gone not in str(read(name)[code])


@pytest.mark.parametrize(
    ("code", "overstated", "agreed"),
    [
        ("pt", "custos máximos têm de estar definidos à partida", "são acordados com os parceiros"),
        ("en", "maximum costs must be set from the outset", "are agreed with the partners"),
    ],
)
def test_innovation_partnership_drawback_as_articles_31_and_218a_say(code, overstated, agreed):
    chooser = read("pages/80_procedure-chooser.toml")[code]
    block = next(
        r["value"]
        for r in chooser["recommendations"]
        if r["value"]["recommendation"] == "innovation-partnership"
    )
    assert overstated not in block["cons"] and agreed in block["cons"]
    assert {"pt": "218.º-A", "en": "218-A"}[code] in block["cons"]


# A number written with thousands groups, as an amount in euros is.
AMOUNT = re.compile(r"\d{1,3}(?:[ .,\u00a0\u202f]\d{3})+")


@pytest.mark.parametrize("code", ["pt", "en"])
def test_thresholds_guide_gives_only_amounts_verified_in_the_chooser_table(code):
    """No figure unless read in the text in force: the guide's amounts are the table's, if any."""
    guide = read("pages/46_guide-thresholds.toml")[code]
    written = {
        re.sub(r"\D", "", found) for found in AMOUNT.findall(json.dumps(guide, ensure_ascii=False))
    }
    verified = {f"{amount:f}".split(".")[0] for amount, _source in AMOUNTS.values()}
    assert written <= verified
    thresholds_article = {"pt": "(artigo 474.º)", "en": "(Article 474)"}[code]
    assert thresholds_article in json.dumps(guide, ensure_ascii=False)
