"""Every path through the chooser's questions, and what junk answers become."""

import itertools

import pytest

from buyers import chooser
from buyers.chooser import (
    COMPETITIVE_DIALOGUE,
    INNOVATION_PARTNERSHIP,
    MARKET_CONSULTATION,
    NEGOTIATION,
    OPEN_FUNCTIONAL,
    PCP,
)

R_AND_D_PATHS = {  # (scale, consulted) -> procedure
    ("yes", "yes"): INNOVATION_PARTNERSHIP,
    ("no", "yes"): PCP,
    ("yes", "no"): INNOVATION_PARTNERSHIP,
    ("no", "no"): PCP,
}
NO_R_AND_D_PATHS = {  # (market, spec) -> procedures
    ("yes", "yes"): [OPEN_FUNCTIONAL],
    # A solution exists but cannot be specified: art. 26(4)(a)(iv) admits either procedure.
    ("yes", "no"): [NEGOTIATION, COMPETITIVE_DIALOGUE],
    ("no", "yes"): [NEGOTIATION],
    ("no", "no"): [COMPETITIVE_DIALOGUE],
}
CONTRACT = {"contract": "works", "value": "250000"}


def expected(procedures, consulted):
    procedures = procedures if isinstance(procedures, list) else [procedures]
    return procedures if consulted == "yes" else [MARKET_CONSULTATION, *procedures]


@pytest.mark.parametrize(("scale", "consulted"), list(itertools.product(["yes", "no"], repeat=2)))
def test_paths_with_research_still_needed(scale, consulted):
    answers = {"rd": "yes", "scale": scale, "consulted": consulted, **CONTRACT}
    assert chooser.next_question(answers) is None
    assert chooser.recommend(answers) == expected(R_AND_D_PATHS[scale, consulted], consulted)


@pytest.mark.parametrize(
    ("market", "spec", "consulted"), list(itertools.product(["yes", "no"], repeat=3))
)
def test_paths_without_research(market, spec, consulted):
    answers = {"rd": "no", "market": market, "spec": spec, "consulted": consulted, **CONTRACT}
    assert chooser.next_question(answers) is None
    assert chooser.recommend(answers) == expected(NO_R_AND_D_PATHS[market, spec], consulted)


def test_questions_come_one_at_a_time_and_branch_on_research():
    assert chooser.next_question({}) == "rd"
    assert chooser.next_question({"rd": "yes"}) == "scale"
    assert chooser.next_question({"rd": "yes", "scale": "no"}) == "consulted"
    assert chooser.next_question({"rd": "no"}) == "market"
    assert chooser.next_question({"rd": "no", "market": "yes"}) == "spec"
    assert chooser.next_question({"rd": "no", "market": "yes", "spec": "no"}) == "consulted"
    answered = {"rd": "no", "market": "yes", "spec": "no", "consulted": "no"}
    assert chooser.next_question(answered) == "contract"
    assert chooser.next_question({**answered, "contract": "goods"}) == "value"


def test_every_recommendation_is_reachable():
    reached = set()
    for rd, a, b, consulted in itertools.product(["yes", "no"], repeat=4):
        answers = (
            {"rd": rd, "scale": a, "consulted": consulted}
            if rd == "yes"
            else {"rd": rd, "market": a, "spec": b, "consulted": consulted}
        )
        reached.update(chooser.recommend(answers))
    assert reached == {key for key, _label in chooser.RECOMMENDATION_CHOICES}


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("150000", "150000"),
        ("150 000", "150000"),
        ("150\u00a0000 €", "150000"),
        ("150.000", "150000"),
        ("150,000", "150000"),
        ("150.000,50", "150000.50"),
        ("€150,000.50", "150000.50"),
        ("1500,5", "1500.50"),
        ("75000 EUR", "75000"),
        ("150000.50", "150000.50"),  # what the address carries reads back the same
    ],
)
def test_amounts_are_read_as_people_type_them(typed, amount):
    assert chooser.clean_answer("value", typed) == amount


@pytest.mark.parametrize(
    "typed",
    ["", "0", "-5", "abc", "1e5", "1.2.3", "15,00,000", "12.34.5", "1" * 13, "١٢٣", "NaN", "∞"],
)
def test_amounts_that_are_not_amounts_are_refused(typed):
    assert chooser.clean_answer("value", typed) is None


def test_contract_type_accepts_only_its_two_answers():
    assert chooser.clean_answer("contract", "works") == "works"
    assert chooser.clean_answer("contract", "goods") == "goods"
    assert chooser.clean_answer("contract", "yes") is None


@pytest.mark.parametrize(
    ("params", "answers"),
    [
        ({}, {}),
        ({"rd": "maybe"}, {}),
        ({"rd": "\x00"}, {}),
        ({"rd": "yes" * 10_000}, {}),
        ({"rd": ["yes"]}, {}),
        ({"market": "yes", "spec": "no"}, {}),  # no first answer: nothing after it counts
        ({"rd": "no", "market": "x", "spec": "yes"}, {"rd": "no"}),  # stops at the junk
        ({"rd": "yes", "market": "yes", "scale": "no"}, {"rd": "yes", "scale": "no"}),
        ({"rd": "YES"}, {}),
        (
            {"rd": "yes", "scale": "no", "consulted": "no", "contract": "goods", "value": "x"},
            {"rd": "yes", "scale": "no", "consulted": "no", "contract": "goods"},
        ),
        (
            {"rd": "yes", "scale": "no", "consulted": "no", "contract": "no", "value": "5"},
            {"rd": "yes", "scale": "no", "consulted": "no"},
        ),
    ],
)
def test_junk_answers_are_dropped(params, answers):
    assert chooser.clean_answers(params) == answers
