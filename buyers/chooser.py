"""The procedure chooser's decision logic: answers in, recommendation keys out.

Pure Python, no database: every path through the questions is tested in
tests/buyers/test_chooser_logic.py. The page (buyers.models.chooser) adds the editors' texts.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

YES, NO = "yes", "no"
MAX_VALUE_LENGTH = 3  # "yes" / "no": anything longer is junk and is dropped unread

# Recommendation keys are the slugs of the procedure types in fixtures/taxonomy.toml.
PCP = "pcp"
INNOVATION_PARTNERSHIP = "innovation-partnership"
COMPETITIVE_DIALOGUE = "competitive-dialogue"
NEGOTIATION = "competitive-negotiation"
OPEN_FUNCTIONAL = "open-functional"
MARKET_CONSULTATION = "market-consultation"

RECOMMENDATION_CHOICES = [
    (MARKET_CONSULTATION, _("Preliminary market consultation")),
    (PCP, _("Pre-commercial procurement")),
    (INNOVATION_PARTNERSHIP, _("Innovation partnership")),
    (COMPETITIVE_DIALOGUE, _("Competitive dialogue")),
    (NEGOTIATION, _("Competitive procedure with negotiation")),
    (OPEN_FUNCTIONAL, _("Open or restricted procedure with functional specifications")),
]


@dataclass(frozen=True)
class Question:
    key: str
    text: str


QUESTIONS = {
    "rd": Question("rd", _("Is research and development still needed to meet the need?")),
    "market": Question("market", _("Does a solution to the need already exist on the market?")),
    "spec": Question("spec", _("Can you specify the need in functional or performance terms?")),
    "scale": Question(
        "scale",
        _("Do you intend to purchase the resulting product or service at scale?"),
    ),
    "consulted": Question(
        "consulted", _("Have you already held a preliminary market consultation?")
    ),
}
QUESTION_CHOICES = [(key, question.text) for key, question in QUESTIONS.items()]


def question_path(answers):
    """The questions to ask, in order, given the answers so far (the path branches on R&D)."""
    if answers.get("rd") == YES:
        return ["rd", "scale", "consulted"]
    return ["rd", "market", "spec", "consulted"]


def clean_answers(params):
    """The valid answers from a query string, in question order, up to the first gap or junk."""
    answers = {}
    for key in question_path({"rd": _value(params, "rd")}):
        value = _value(params, key)
        if value not in (YES, NO):
            break
        answers[key] = value
    return answers


def _value(params, key):
    value = params.get(key, "")
    return value if isinstance(value, str) and len(value) <= MAX_VALUE_LENGTH else ""


def next_question(answers):
    """The key of the next unanswered question, or None when the path is complete."""
    for key in question_path(answers):
        if key not in answers:
            return key
    return None


def recommend(answers):
    """Recommendation keys for a complete set of answers, the market consultation first."""
    if answers["rd"] == YES:
        # Buying at scale after the R&D fits one procedure; R&D alone is bought as PCP.
        procedure = INNOVATION_PARTNERSHIP if answers["scale"] == YES else PCP
    elif answers["market"] == YES:
        # Art. 26(4): a solution that can be specified needs no negotiation.
        procedure = OPEN_FUNCTIONAL if answers["spec"] == YES else NEGOTIATION
    else:
        # No ready solution: negotiate adaptations if the need can be specified, else dialogue.
        procedure = NEGOTIATION if answers["spec"] == YES else COMPETITIVE_DIALOGUE
    if answers["consulted"] == NO:
        return [MARKET_CONSULTATION, procedure]
    return [procedure]
