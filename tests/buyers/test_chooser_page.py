"""The chooser page: one question per step, back and forward, a shareable result."""

from django.utils.http import urlencode

from wagtail.rich_text import RichText

import pytest

from tests.buyers.factories import ProcedureChooserPageFactory

NEXT = {"pt": "Seguinte", "en": "Next"}
CONTRACT = {"contract": "works", "value": "250000.50"}
QUESTION_1 = {
    "pt": "Ainda é necessária investigação e desenvolvimento",
    "en": "Is research and development still needed",
}


@pytest.fixture
def choosers(translated_pair):
    return translated_pair(ProcedureChooserPageFactory, "chooser")


def get(client, page, **answers):
    response = client.get(page.url + ("?" + urlencode(answers) if answers else ""))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_first_step_asks_one_question_with_its_help(client, choosers, code):
    html = get(client, choosers[code])
    assert QUESTION_1[code] in html
    assert html.count('type="radio"') == 2
    assert "<p>Help rd</p>" in html
    assert NEXT[code] in html
    assert 'method="get"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_each_step_carries_the_answers_so_far_and_links_back(client, choosers, code):
    html = get(client, choosers[code], rd="no", market="yes")
    assert '<input type="hidden" name="rd" value="no">' in html
    assert '<input type="hidden" name="market" value="yes">' in html
    assert 'name="spec"' in html and "<p>Help spec</p>" in html
    assert 'href="?rd=no"' in html  # back: the previous question, its answer open again


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_result_shows_the_editors_texts_in_order_with_a_shareable_address(client, choosers, code):
    answers = {"rd": "yes", "scale": "yes", "consulted": "no", **CONTRACT}
    html = get(client, choosers[code], **answers)
    assert html.index("Why market-consultation fits") < html.index(
        "Why innovation-partnership fits"
    )
    for part in ("Basis of", "Pros of", "Cons of"):
        assert f"{part} innovation-partnership" in html
    assert "Why pcp fits" not in html
    assert (
        'href="?rd=yes&amp;scale=yes&amp;consulted=no&amp;contract=works&amp;value=250000.50"'
        in html
    )
    assert 'href="?rd=yes&amp;scale=yes&amp;consulted=no&amp;contract=works"' in html  # back
    assert "plataformacpi.pt" in html


@pytest.mark.django_db
def test_result_is_in_the_page_language(client, choosers):
    answers = {"rd": "no", "market": "no", "spec": "no", "consulted": "yes", **CONTRACT}
    assert "Recomendação" in get(client, choosers["pt"], **answers)
    assert "Recommendation" in get(client, choosers["en"], **answers)


AMOUNT_SHOWN = {"pt": "250.000,50 €", "en": "250,000.50 €"}
ARTICLE = {"pt": "O artigo 19.º do Código dos Contratos Públicos", "en": "Article 19 of the"}


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_result_names_the_contract_and_the_ccp_procedures_its_value_may_allow(
    client, choosers, code
):
    answers = {"rd": "no", "market": "yes", "spec": "yes", "consulted": "yes", **CONTRACT}
    html = get(client, choosers[code], **answers)
    assert AMOUNT_SHOWN[code] in html
    assert ARTICLE[code] in html
    for name in ("Consulta prévia", "Ajuste direto", "concurso limitado por prévia qualificação"):
        assert name in html
    assert {"pt": "474.º", "en": "Article 474"}[code] in html


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_goods_and_services_are_governed_by_article_20(client, choosers, code):
    answers = {"rd": "yes", "scale": "no", "consulted": "yes", "contract": "goods", "value": "9"}
    html = get(client, choosers[code], **answers)
    assert {"pt": "artigo 20.º", "en": "Article 20"}[code] in html
    assert "19" not in html.split("chooser-by-value")[1]


VALUE_ERROR = {
    "pt": "Indique o valor estimado em euros, como um número",
    "en": "Enter the estimated value in euros as a number",
}
BEFORE_VALUE = {"rd": "yes", "scale": "no", "consulted": "no", "contract": "works"}


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
@pytest.mark.parametrize("typed", ["", "abc", "-3", "0", "1e9", "<b>x</b>", "9" * 40, "\x00"])
def test_a_value_that_is_not_an_amount_is_a_form_error_that_keeps_what_was_typed(
    client, choosers, code, typed
):
    html = get(client, choosers[code], **BEFORE_VALUE, value=typed, step="value")
    assert VALUE_ERROR[code] in html
    assert 'name="value"' in html and 'aria-invalid="true"' in html
    assert "<b>x</b>" not in html
    if typed == "abc":
        assert 'value="abc"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_the_value_step_asks_for_a_number_not_a_choice(client, choosers, code):
    html = get(client, choosers[code], **BEFORE_VALUE)
    assert 'inputmode="decimal"' in html and 'type="radio"' not in html
    assert "<p>Help value</p>" in html


@pytest.mark.django_db
def test_next_without_an_answer_says_so(client, choosers):
    html = get(client, choosers["en"], rd="no", step="market")
    assert "Choose an answer to go on." in html
    assert 'name="market"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "?rd=%00",
        "?rd=yes&scale=%00&consulted=no",
        "?rd=" + "y" * 100_000,
        "?rd=yes&rd=no&rd=maybe",
        "?step=%3Cscript%3Ealert(1)%3C/script%3E",
        "?rd=no&market=yes&spec=yes&consulted=yes&extra=1&page=-1",
        "?%ff%fe=1",
        "?rd=<b>x</b>",
    ],
)
def test_junk_query_strings_never_fail_nor_echo(client, choosers, query):
    response = client.get(choosers["pt"].url + query)
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()
    assert "<b>x</b>" not in response.content.decode()


@pytest.mark.django_db
def test_each_answer_set_is_its_own_cached_page(client, choosers, settings):
    settings.PAGE_CACHE_SECONDS = 600
    page = choosers["en"]
    get(client, page, rd="yes")
    first = get(client, page, rd="yes")
    other = get(client, page, rd="no")
    assert 'name="scale"' in first and 'name="market"' in other


@pytest.mark.django_db
def test_an_edited_recommendation_shows_on_the_next_request(
    client, choosers, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    page = choosers["pt"]
    url = page.url + "?rd=yes&scale=no&consulted=yes&contract=goods&value=1000"
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    block = next(b for b in page.recommendations if b.value["recommendation"] == "pcp")
    block.value["summary"] = RichText("<p>Texto revisto pelos editores.</p>")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert "Texto revisto pelos editores." in client.get(url).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_decision_note_is_dated_with_the_portals_one_date_format(client, choosers, code):
    from django.utils import timezone, translation

    from core.templatetags.format_tags import long_date

    answers = {"rd": "yes", "scale": "no", "consulted": "yes", **CONTRACT}
    html = get(client, choosers[code], **answers)
    with translation.override(code):
        today = long_date(timezone.localdate())
    assert f"· {today}</p>" in html
    assert 'class="button js-print"' in html  # the printable note keeps its button
