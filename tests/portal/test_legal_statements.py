"""Legal statements as the sources word them, cited the same way in the chooser and the FAQ."""

import tomllib
from pathlib import Path

from django.conf import settings

import pytest

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
