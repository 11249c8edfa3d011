"""The procedure chooser's decision logic: answers in, recommendation keys out.

Pure Python, no database: every path through the questions is tested in
tests/buyers/test_chooser_logic.py. The page (buyers.models.chooser) adds the editors' texts;
the explanation of each path is here (explain), so that it follows the answers given.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

YES, NO = "yes", "no"
WORKS, GOODS = "works", "goods"
MAX_VALUE_LENGTH = 30  # the longest answer read; anything longer is junk and is dropped unread
MAX_EUROS = Decimal("100000000000")  # 10^11: beyond any public contract, so a typing slip

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
YES_NO = [(YES, _("Yes")), (NO, _("No"))]


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    choices: tuple = tuple(YES_NO)  # empty: the answer is an amount in euros


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
    "contract": Question(
        "contract",
        _("What does the contract buy?"),
        ((WORKS, _("Public works")), (GOODS, _("Goods or services"))),
    ),
    "value": Question(
        "value", _("What is the contract's estimated value, in euros, without VAT?"), ()
    ),
}
QUESTION_CHOICES = [(key, question.text) for key, question in QUESTIONS.items()]
CONTRACT_QUESTIONS = ["contract", "value"]


def question_path(answers):
    """The questions to ask, in order, given the answers so far (the path branches on R&D)."""
    if answers.get("rd") == YES:
        return ["rd", "scale", "consulted", *CONTRACT_QUESTIONS]
    return ["rd", "market", "spec", "consulted", *CONTRACT_QUESTIONS]


def clean_answers(params):
    """The valid answers from a query string, in question order, up to the first gap or junk."""
    answers = {}
    for key in question_path({"rd": _value(params, "rd")}):
        value = clean_answer(key, _value(params, key))
        if value is None:
            break
        answers[key] = value
    return answers


def clean_answer(key, raw):
    """The answer in its stored form, or None when it is not one the question accepts."""
    question = QUESTIONS[key]
    if question.choices:
        return raw if raw in dict(question.choices) else None
    amount = parse_euros(raw)
    return None if amount is None else format_plain(amount)


def _value(params, key):
    value = params.get(key, "")
    return value if isinstance(value, str) and len(value) <= MAX_VALUE_LENGTH else ""


EURO_SIGNS = re.compile(r"(€|eur(os?)?)", re.I)
SPACES = re.compile(r"[\s\u00a0\u202f']")


def parse_euros(text):
    """An amount typed as people write it ("150 000", "150.000,50", "€150,000.50"), or None.

    The last separator followed by one or two digits is the decimal mark; any other separator
    groups thousands and must sit before a group of three digits.
    """
    text = SPACES.sub("", EURO_SIGNS.sub("", text or ""))
    if not re.fullmatch(r"[0-9][0-9.,]*", text):
        return None
    whole, cents = text, ""
    decimal = re.search(r"[.,]([0-9]{1,2})$", text)
    if decimal:
        whole, cents = text[: decimal.start()], decimal.group(1)
    if not re.fullmatch(r"[0-9]{1,3}([.,][0-9]{3})*|[0-9]+", whole):
        return None
    try:
        amount = Decimal(re.sub(r"[.,]", "", whole) + ("." + cents if cents else ""))
    except InvalidOperation:
        return None
    return amount if 0 < amount <= MAX_EUROS else None


def format_plain(amount):
    """The amount as it travels in the address: digits and, when there are cents, a point."""
    amount = amount.quantize(Decimal("0.01"))
    return f"{amount:f}".removesuffix(".00")


def next_question(answers):
    """The key of the next unanswered question, or None when the path is complete."""
    for key in question_path(answers):
        if key not in answers:
            return key
    return None


def innovation_route(answers):
    """The procedures that fit the answers on the need, in the order to consider them."""
    if answers["rd"] == YES:
        # Buying at scale after the R&D fits one procedure; R&D alone is bought as PCP.
        return [INNOVATION_PARTNERSHIP if answers["scale"] == YES else PCP]
    if answers["market"] == YES:
        # Art. 26(4)(a)(iv): a need that cannot be specified precisely admits either procedure.
        return [OPEN_FUNCTIONAL] if answers["spec"] == YES else [NEGOTIATION, COMPETITIVE_DIALOGUE]
    # No ready solution: negotiate adaptations if the need can be specified, else dialogue.
    return [NEGOTIATION] if answers["spec"] == YES else [COMPETITIVE_DIALOGUE]


def recommend(answers):
    """Recommendation keys for a complete set of answers, the market consultation first."""
    procedures = innovation_route(answers)
    if answers["consulted"] == NO:
        return [MARKET_CONSULTATION, *procedures]
    return procedures


# Why the route fits, one text per path through the questions on the need (never per
# procedure alone, so that no text says the opposite of an answer).
PATH_EXPLANATIONS = {
    (YES, YES): _(
        "You answered that research and development is still needed and that, if it "
        "succeeds, you intend to buy the resulting solution at scale. The innovation "
        "partnership covers the research and development and the purchase in one procedure."
    ),
    (YES, NO): _(
        "You answered that research and development is still needed and that, for now, you "
        "do not intend to buy the solution at scale. Pre-commercial procurement buys the "
        "research and development services alone and leaves the purchase to a later procedure."
    ),
    (NO, YES, YES): _(
        "You answered that no research and development is needed, that a solution exists on "
        "the market and that you can specify the need in functional or performance terms. An "
        "open or restricted procedure with functional specifications lets tenderers offer "
        "their solutions, without negotiation."
    ),
    (NO, YES, NO): _(
        "You answered that no research and development is needed and that a solution exists "
        "on the market, but that you cannot yet specify the need precisely enough. Where the "
        "technical specifications cannot be set with sufficient precision, Directive "
        "2014/24/EU allows the competitive procedure with negotiation or competitive dialogue "
        "(Article 26(4)(a)). The negotiation starts from minimum requirements set in the "
        "procurement documents; if you cannot set them, competitive dialogue lets you define "
        "the solution with the candidates before they tender."
    ),
    (NO, NO, YES): _(
        "You answered that no research and development is needed and that no solution on the "
        "market meets the need as it is, and you can specify the need. Where the needs cannot "
        "be met without adapting readily available solutions, the competitive procedure with "
        "negotiation lets you negotiate those adaptations from the minimum requirements you "
        "set (Directive 2014/24/EU, Article 26(4)(a))."
    ),
    (NO, NO, NO): _(
        "You answered that no research and development is needed, that no solution on the "
        "market meets the need as it is and that you cannot yet specify the need precisely "
        "enough. Competitive dialogue lets you identify the solution with the selected "
        "candidates before they submit final tenders (Directive 2014/24/EU, Article 26(4)(a))."
    ),
}
CONSULTATION_EXPLANATIONS = {
    NO: _(
        "You have not yet held a preliminary market consultation for this need: hold one "
        "first, to learn what the market offers and to prepare the procurement documents."
    ),
    YES: _(
        "You have already held a preliminary market consultation: use what you learnt in the "
        "procurement documents, and share with every candidate the information given to some."
    ),
}


def path_key(answers):
    if answers["rd"] == YES:
        return (YES, answers["scale"])
    return (NO, answers["market"], answers["spec"])


def explain(answers):
    """Why the recommendation fits, in the words of the answers given (a complete path)."""
    return [PATH_EXPLANATIONS[path_key(answers)], CONSULTATION_EXPLANATIONS[answers["consulted"]]]
