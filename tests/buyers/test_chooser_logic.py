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
NO_R_AND_D_PATHS = {  # (market, spec) -> procedure
    ("yes", "yes"): OPEN_FUNCTIONAL,
    ("yes", "no"): NEGOTIATION,
    ("no", "yes"): NEGOTIATION,
    ("no", "no"): COMPETITIVE_DIALOGUE,
}


def expected(procedure, consulted):
    return [procedure] if consulted == "yes" else [MARKET_CONSULTATION, procedure]


@pytest.mark.parametrize(("scale", "consulted"), list(itertools.product(["yes", "no"], repeat=2)))
def test_paths_with_research_still_needed(scale, consulted):
    answers = {"rd": "yes", "scale": scale, "consulted": consulted}
    assert chooser.next_question(answers) is None
    assert chooser.recommend(answers) == expected(R_AND_D_PATHS[scale, consulted], consulted)


@pytest.mark.parametrize(
    ("market", "spec", "consulted"), list(itertools.product(["yes", "no"], repeat=3))
)
def test_paths_without_research(market, spec, consulted):
    answers = {"rd": "no", "market": market, "spec": spec, "consulted": consulted}
    assert chooser.next_question(answers) is None
    assert chooser.recommend(answers) == expected(NO_R_AND_D_PATHS[market, spec], consulted)


def test_questions_come_one_at_a_time_and_branch_on_research():
    assert chooser.next_question({}) == "rd"
    assert chooser.next_question({"rd": "yes"}) == "scale"
    assert chooser.next_question({"rd": "yes", "scale": "no"}) == "consulted"
    assert chooser.next_question({"rd": "no"}) == "market"
    assert chooser.next_question({"rd": "no", "market": "yes"}) == "spec"
    assert chooser.next_question({"rd": "no", "market": "yes", "spec": "no"}) == "consulted"


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
    ],
)
def test_junk_answers_are_dropped(params, answers):
    assert chooser.clean_answers(params) == answers
