"""Case studies: the index's filters and the case page, which hides unknown facts."""

import pytest

from tests.casestudies.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    ProcedureTypeFactory,
    SectorFactory,
)
from tests.html import read_page


@pytest.fixture
def index(translated_pair):
    return translated_pair(CaseStudyIndexPageFactory, "index")


def case(index_page, **kwargs):
    page = CaseStudyPageFactory(parent=index_page, locale=index_page.locale, **kwargs)
    return page


def listed(response):
    return {page.pk for page in response.context["cases"]}


@pytest.mark.django_db
def test_filters_by_procedure_sector_country_and_year(client, index):
    pcp = ProcedureTypeFactory(slug="pcp")
    partnership = ProcedureTypeFactory(slug="innovation-partnership")
    water = SectorFactory(slug="climate-water")
    marine = case(index["en"], procedure_type=pcp, country="PT", start_year=2017, end_year=None)
    frederiksberg = case(
        index["en"], procedure_type=partnership, country="DK", start_year=2017, end_year=2018
    )
    frederiksberg.sectors.add(water)
    frederiksberg.save()
    url = index["en"].url
    assert listed(client.get(url, {"procedure": "pcp"})) == {marine.pk}
    assert listed(client.get(url, {"sector": "climate-water"})) == {frederiksberg.pk}
    assert listed(client.get(url, {"country": "DK"})) == {frederiksberg.pk}
    assert listed(client.get(url, {"year": "2018"})) == {frederiksberg.pk}
    assert listed(client.get(url, {"year": "2017"})) == {marine.pk, frederiksberg.pk}
    assert listed(client.get(url, {"year": "2017", "country": "PT"})) == {marine.pk}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"procedure": "unknown"},
        {"sector": "\x00"},
        {"country": "XX"},
        {"country": "pt"},
        {"year": "20 17"},
        {"year": "1" * 400},
        {"procedure": "pcp' OR 1=1 --"},
        {"page": "-3"},
    ],
)
def test_junk_filters_are_ignored(client, index, params):
    cases = {case(index["pt"]).pk, case(index["pt"]).pk}
    response = client.get(index["pt"].url, params)
    assert response.status_code == 200
    assert listed(response) == cases


@pytest.mark.django_db
def test_page_out_of_range_shows_last_page(client, index):
    for _ in range(14):
        case(index["pt"])
    response = client.get(index["pt"].url, {"page": "50"})
    assert response.context["cases"].number == 2


@pytest.mark.django_db
def test_results_stay_in_the_page_language(client, index):
    pt_case = case(index["pt"], title="Caso português")
    response = client.get(index["en"].url)
    assert pt_case.pk not in listed(response)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_case_page_shows_known_facts_and_hides_unknown(client, index, code):
    procedure = ProcedureTypeFactory(
        name_pt="Parceria para a inovação", name_en="Innovation partnership"
    )
    page = case(
        index[code],
        procedure_type=procedure,
        country="DK",
        buyer="Frederiksberg",
        budget="",
        programme="",
        results="",
        lessons="<p>Talk to the market early.</p>",
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert read_page(response).lang == code
    assert ("Parceria para a inovação" if code == "pt" else "Innovation partnership") in html
    assert ("Dinamarca" if code == "pt" else "Denmark") in html
    assert "2017–2018" in html
    assert "Talk to the market early." in html
    assert ("Orçamento" if code == "pt" else "Budget") not in html
    assert ("Resultados" if code == "pt" else "Results") not in html
