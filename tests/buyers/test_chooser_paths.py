"""Every path through the chooser, on the portal's real texts: no sentence denies an answer.

Each answer has the phrases that would say its opposite, in both languages; the decision note
of every combination of answers (need, consultation, contract type) must contain none of them.
"""

import itertools
import re
from html import unescape

from django.utils import translation
from django.utils.http import urlencode

import pytest

from buyers import chooser

CHOOSER = {"pt": "/pt/escolher-procedimento/", "en": "/en/choose-a-procedure/"}
NOT = r"(?<!não )(?<!ainda não )"
# (question, answer) -> phrases that would contradict that answer.
CONTRADICTIONS = {
    ("rd", "yes"): {
        "pt": [r"não é precisa investigação", r"não (é|seja) necessária investigação"],
        "en": [r"no research and development is needed"],
    },
    ("rd", "no"): {
        "pt": [NOT + r"ainda é precisa investigação", r"ainda é preciso investigação"],
        "en": [r"research and development is still needed", r"you need research"],
    },
    ("scale", "yes"): {
        "pt": [r"não pretende (adquirir|comprar|comprometer)"],
        "en": [r"do not intend to (buy|commit)"],
    },
    ("scale", "no"): {
        "pt": [
            NOT + r"pretende, se [^.]*, (adquirir|comprar)",
            NOT + r"pretende adquirir a solução",
        ],
        "en": [r"(?<!not )intend to buy the (resulting )?solution"],
    },
    ("market", "yes"): {
        "pt": [r"não há uma solução pronta", r"nenhuma solução do mercado"],
        "en": [r"no ready solution", r"no solution on the market"],
    },
    ("market", "no"): {
        "pt": [r"já existe uma solução", r"existe uma solução no mercado"],
        "en": [r"a solution (already )?exists on the market"],
    },
    ("spec", "yes"): {
        "pt": [r"não (sabe|consegue) (especificar|fixar|descrever|definir)"],
        "en": [r"cannot (yet )?(specify|set|describe|define)"],
    },
    ("spec", "no"): {
        "pt": [NOT + r"(sabe|consegue) (especificar|fixar|descrever|definir)"],
        "en": [r"you can (set|specify|describe|define)"],
    },
    ("consulted", "yes"): {
        "pt": [r"ainda não fez uma consulta"],
        "en": [r"not yet held a preliminary market consultation"],
    },
    ("consulted", "no"): {
        "pt": [r"já fez uma consulta"],
        "en": [r"already held a preliminary market consultation"],
    },
}
CONTRACT_ARTICLE = {
    ("works", "pt"): "artigo 19.º",
    ("works", "en"): "Article 19",
    ("goods", "pt"): "artigo 20.º",
    ("goods", "en"): "Article 20",
}


def every_path():
    for scale, consulted, contract in itertools.product(
        ("yes", "no"), ("yes", "no"), ("works", "goods")
    ):
        yield {"rd": "yes", "scale": scale, "consulted": consulted, "contract": contract}
    for market, spec, consulted, contract in itertools.product(
        ("yes", "no"), ("yes", "no"), ("yes", "no"), ("works", "goods")
    ):
        yield {
            "rd": "no",
            "market": market,
            "spec": spec,
            "consulted": consulted,
            "contract": contract,
        }


PATHS = [{**answers, "value": "180000"} for answers in every_path()]


def decision_note(html):
    note = re.search(r'<section class="decision-note".*?<h2>', html, re.S).group(0)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", note)).split())


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
@pytest.mark.parametrize("answers", PATHS, ids=lambda a: "-".join(a.values()))
def test_no_explanation_contradicts_an_answer(client, portal_content, code, answers):
    response = client.get(f"{CHOOSER[code]}?{urlencode(answers)}")
    assert response.status_code == 200
    html = response.content.decode()
    text = decision_note(html)
    for key, value in answers.items():
        for pattern in CONTRADICTIONS.get((key, value), {}).get(code, []):
            found = re.search(pattern, text, re.I)
            assert not found, f"{key}={value} contradicted by «{found and found.group(0)}»"
    for key in chooser.recommend(answers):
        assert f'id="recommendation-{key}"' in html
    assert CONTRACT_ARTICLE[answers["contract"], code] in text
    with translation.override(code):
        for explanation in chooser.explain(answers):
            assert " ".join(str(explanation).split()) in text


def test_the_contradiction_list_covers_every_answer():
    answers = {(k, v) for k, q in chooser.QUESTIONS.items() for v, _l in q.choices}
    assert answers - {("contract", "works"), ("contract", "goods")} == set(CONTRADICTIONS)
