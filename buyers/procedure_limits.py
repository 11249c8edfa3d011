"""The CCP's procedures by contract value (arts 19.º and 20.º): one table, with its sources.

A limit's amount is filled in only once it has been read in the consolidated text of the CCP
in force (Diário da República), with the version named; until then it is None and the
chooser names the article that sets it and says the figure is not given here
(docs/legal-sources.md lists what was checked, and where).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from .chooser import GOODS, WORKS

# (contract, procedure key) -> (amount, "where it was read, and the version of the text").
# Empty: no limit has been read in the consolidated CCP in force (see the module docstring).
AMOUNTS: dict[tuple[str, str], tuple[Decimal, str]] = {}

ANY_VALUE, ALLOWED, NOT_ALLOWED, UNVERIFIED = "any-value", "allowed", "not-allowed", "unverified"


@dataclass(frozen=True)
class ValueLimit:
    key: str
    name: str
    basis: str  # the provision that sets the limit, or that allows the procedure at any value
    amount: Decimal | None = None  # contracts of a value below it may use the procedure
    source: str = ""  # where the amount was read, with the version of the text
    unlimited: bool = False


def provision(contract, point):
    """The point of art. 19.º (works) or of art. 20.º, n.º 1 (goods, services) setting a limit."""
    if contract == WORKS:
        return _("Article 19, point (%(point)s)") % {"point": point}
    return _("Article 20(1), point (%(point)s)") % {"point": point}


def limits(contract):
    """The procedures of art. 19.º (works) or 20.º (goods and services), in the CCP's order."""
    article = ARTICLES[contract]
    rows = [
        ValueLimit(
            "ojeu",
            _(
                "Concurso público or concurso limitado por prévia qualificação, with a notice in "
                "the Official Journal of the European Union (TED)"
            ),
            _("CCP, Article %(article)s: any contract value") % {"article": article},
            unlimited=True,
        ),
        ValueLimit(
            "national",
            _(
                "Concurso público or concurso limitado por prévia qualificação, with a notice in "
                "the Diário da República only"
            ),
            _(
                "CCP, Article %(article)s: below the EU threshold of Article 474 (Directive "
                "2014/24/EU, Article 4)"
            )
            % {"article": article},
        ),
        ValueLimit(
            "consulta-previa",
            _("Consulta prévia, inviting at least three entities"),
            _("CCP, %(provision)s: below the limit it sets for the consulta prévia")
            % {"provision": provision(contract, "c")},
        ),
        ValueLimit(
            "ajuste-direto",
            _("Ajuste direto"),
            _("CCP, %(provision)s: below the limit it sets for the ajuste direto")
            % {"provision": provision(contract, "d")},
        ),
    ]
    return [limit_with_amount(contract, limit) for limit in rows]


def limit_with_amount(contract, limit):
    amount, source = AMOUNTS.get((contract, limit.key), (None, ""))
    return ValueLimit(limit.key, limit.name, limit.basis, amount, source, limit.unlimited)


ARTICLES = {WORKS: "19", GOODS: "20"}


def procedures_by_value(contract, value):
    """Each procedure the value may allow, with its status for this value and its basis."""
    rows = []
    for limit in limits(contract):
        if limit.unlimited:
            status = ANY_VALUE
        elif limit.amount is None:
            status = UNVERIFIED
        else:
            status = ALLOWED if Decimal(value) < limit.amount else NOT_ALLOWED
        rows.append({"limit": limit, "status": status})
    return rows


def amounts_missing(rows):
    """Whether a limit has no verified amount (the note then says where to read the amounts)."""
    return any(row["status"] == UNVERIFIED for row in rows)
