"""The CCP procedures a contract's value allows: named with their provisions, amounts if verified.

The amounts table (buyers.procedure_limits.AMOUNTS) is set here for each test: empty, as long as
no limit has been read in the text in force, or with test amounts that show how a verified
amount would decide each procedure.
"""

import re
from decimal import Decimal
from html import unescape

from django.utils.http import urlencode

import pytest

from buyers import procedure_limits
from buyers.procedure_limits import ALLOWED, ANY_VALUE, NOT_ALLOWED, UNVERIFIED
from tests.buyers.factories import ProcedureChooserPageFactory

NEED = {"rd": "no", "market": "yes", "spec": "yes", "consulted": "yes"}
VALUE = "250000.50"
VALUE_SHOWN = {"pt": "250.000,50 €", "en": "250,000.50 €"}
# Any number written with thousands groups, as an amount in euros would be.
AMOUNT = re.compile(r"\d{1,3}(?:[ .,\u00a0\u202f]\d{3})+(?:[.,]\d{2})?")
POINTS = {
    ("works", "pt"): ["artigo 19.º, alínea c)", "artigo 19.º, alínea d)"],
    ("works", "en"): ["Article 19, point (c)", "Article 19, point (d)"],
    ("goods", "pt"): ["artigo 20.º, n.º 1, alínea c)", "artigo 20.º, n.º 1, alínea d)"],
    ("goods", "en"): ["Article 20(1), point (c)", "Article 20(1), point (d)"],
}
NOT_GIVEN = {
    "pt": "O Procure+i não indica estes montantes",
    "en": "Procure+i does not give these amounts",
}
WHERE_TO_READ = {
    "pt": ["no artigo 474.º", "Código dos Contratos Públicos consolidado", "Diário da República"],
    "en": ["in Article 474", "consolidated Public Contracts Code", "Diário da República"],
}
SPECIAL_MEASURES = {"pt": "A Lei n.º 30/2021 prevê medidas especiais", "en": "Law No 30/2021 sets"}
STATUS = {
    "pt": {"allowed": "disponível para este valor", "not": "não disponível para este valor"},
    "en": {"allowed": "available for this value", "not": "not available for this value"},
}


@pytest.fixture
def choosers(translated_pair):
    return translated_pair(ProcedureChooserPageFactory, "chooser")


def by_value_section(client, page, contract, value=VALUE):
    query = urlencode({**NEED, "contract": contract, "value": value})
    response = client.get(f"{page.url}?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    section = re.search(r"<section [^>]*chooser__by-value.*?</section>", html, re.S).group(0)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", section)).split())


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
@pytest.mark.parametrize("contract", ["works", "goods"])
def test_no_amount_is_given_while_none_is_verified_and_the_note_says_where_to_read_them(
    client, choosers, monkeypatch, code, contract
):
    monkeypatch.setattr(procedure_limits, "AMOUNTS", {})
    text = by_value_section(client, choosers[code], contract)
    assert AMOUNT.findall(text) == [VALUE_SHOWN[code].removesuffix(" €")]  # the buyer's own
    assert text.count("€") == 1
    for point in POINTS[contract, code]:
        assert point in text
    assert NOT_GIVEN[code] in text
    for words in WHERE_TO_READ[code]:
        assert words in text
    assert "EUR-Lex" in text and "2014/24" in text
    assert SPECIAL_MEASURES[code] in text


TEST_AMOUNTS = {
    ("works", "national"): (Decimal("900000"), "test source A"),
    ("works", "consulta-previa"): (Decimal("250000.51"), "test source B"),
    ("works", "ajuste-direto"): (Decimal("250000.50"), "test source C"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_a_verified_amount_decides_the_procedure_and_shows_its_source(
    client, choosers, monkeypatch, code
):
    monkeypatch.setattr(procedure_limits, "AMOUNTS", TEST_AMOUNTS)
    text = by_value_section(client, choosers[code], "works")
    consulta = text.index("test source B")
    ajuste = text.index("test source C")
    # The value is below the consulta prévia's limit and equal to the ajuste direto's.
    assert STATUS[code]["allowed"] in text[:consulta]
    assert STATUS[code]["not"] in text[consulta:ajuste]
    assert "test source A" in text
    assert NOT_GIVEN[code] not in text  # every limit has an amount: nothing left to read elsewhere


def test_statuses_follow_the_limits_below_which_the_code_allows_each_procedure(monkeypatch):
    monkeypatch.setattr(procedure_limits, "AMOUNTS", TEST_AMOUNTS)
    statuses = {
        row["limit"].key: row["status"]
        for row in procedure_limits.procedures_by_value("works", "250000.50")
    }
    assert statuses == {
        "ojeu": ANY_VALUE,
        "national": ALLOWED,
        "consulta-previa": ALLOWED,
        "ajuste-direto": NOT_ALLOWED,  # "inferior a": a value equal to the limit is not below it
    }
    goods = procedure_limits.procedures_by_value("goods", "1")
    assert [row["status"] for row in goods] == [ANY_VALUE, UNVERIFIED, UNVERIFIED, UNVERIFIED]
    assert procedure_limits.amounts_missing(goods)
    works = procedure_limits.procedures_by_value("works", "1")
    assert not procedure_limits.amounts_missing(works)
