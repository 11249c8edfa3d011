"""Case studies most like a given one: same procedure, shared sectors, same country."""

from functools import reduce
from operator import or_

from django.db.models import Count, IntegerField, Q

from core.prepared import PreparedFamily
from core.visibility import public_pages
from core.written_sql import WrittenSQL

PROCEDURE_WEIGHT = 3  # the procedure is what a buyer comes to compare
SECTOR_WEIGHT = 2
COUNTRY_WEIGHT = 1
LIMIT = 3
# What a case's card shows (includes/case_card.html): its long texts are not read.
CARD_FIELDS = ("title", "url_path", "intro", "country", "start_year", "end_year", "procedure_type")


# What the cases scored first share with the case (shares()); None: every case is scored.
CLOSE, EITHER = "a sector and the procedure or another sector", "the procedure or a sector"


def similar_cases(case, sector_ids, limit=LIMIT):
    """Up to `limit` live, public cases in the same language, best match first: a prepared
    queryset (core/prepared.py) per shape of score (with or without a procedure, a country, and
    by the number of sectors) and tier.

    The few cases that share the most are scored first (tiers()); when `limit` of them are
    found and the last scores above any case outside the tier, they are the best (at 2,000
    cases PostgreSQL scored every case of the language in 7 ms, those sharing the procedure or
    a sector in 3, the closest tier in about 1). Otherwise the next, wider tier, then every case."""
    procedure, country = case.procedure_type_id, case.country
    has_procedure, has_country = procedure is not None, bool(country)
    extra = [procedure] * has_procedure + [country] * has_country  # the values the shape takes
    values = (case.locale_id, case.pk, *extra, *sector_ids)
    shape = (type(case), has_procedure, has_country, limit)
    for tier, bound in tiers(has_procedure, has_country, len(sector_ids)):
        found = list(SIMILAR((*shape, tier), *values))
        if len(found) == limit and found[-1].score > bound:  # a tie outside could win on title
            return found
    best = SIMILAR((*shape, None), *values)
    # Nothing in common is dropped here: a score in WHERE too was computed twice a case.
    return [other for other in best if other.score > 0]


def tiers(has_procedure, has_country, sectors):
    """The tiers a case of that shape scores first, narrowest first, each with the best score
    of a case outside it: sharing a sector and the procedure or another sector (outside, the
    procedure or one sector at most), then the procedure or a sector (outside, the country)."""
    country = COUNTRY_WEIGHT * has_country
    found = []
    if sectors and (has_procedure or sectors > 1):
        found.append((CLOSE, max(PROCEDURE_WEIGHT * has_procedure, SECTOR_WEIGHT) + country))
    if has_procedure or sectors:
        found.append((EITHER, country))
    return found


def similar_to(model, has_procedure, has_country, limit, tier=None):
    """The queryset of similar_cases for cases of that shape, by its values; with a tier, only
    the cases that share what it names."""

    def build(locale_id, pk, *values):
        procedure = values[0] if has_procedure else None
        country = values[has_procedure] if has_country else ""
        sector_ids = values[has_procedure + has_country :]
        cases = (
            public_pages(model.objects)
            .filter(locale_id=locale_id)
            .exclude(pk=pk)
            .select_related("procedure_type")
            .only(*CARD_FIELDS)
        )
        if tier:
            cases = cases.filter(shares(model, procedure, sector_ids, close=tier == CLOSE))
        scored = cases.annotate(score=Likeness(model, procedure, country, sector_ids))
        return scored.order_by("-score", "title", "pk")[:limit]  # pk: the same on both engines

    return build


def shares(model, procedure, sector_ids, close=False):
    """The cases with that procedure (None: no procedure shared) or one of those sectors; with
    `close`, one of the sectors and the procedure, or two of the sectors."""
    through = model.sectors.through.objects.filter(sector_id__in=sector_ids)
    a_sector = Q(pk__in=through.values("casestudypage_id"))
    same_procedure = [Q(procedure_type_id=procedure)] if procedure is not None else []
    if not close:
        return reduce(or_, same_procedure + [a_sector] * bool(sector_ids))
    closest = [fact & a_sector for fact in same_procedure]
    if len(sector_ids) > 1:
        two = through.values("casestudypage_id").annotate(shared=Count("pk")).filter(shared__gt=1)
        closest.append(Q(pk__in=two.values("casestudypage_id")))
    return reduce(or_, closest)  # tiers() asks it of a case with such facts only


SIMILAR = PreparedFamily(similar_to)  # per shape of score


class Likeness(WrittenSQL):
    """A case's score against a case of that model, procedure and country: the weights of the
    procedure and country it shares, and of each sector, counted in a subquery (not by
    grouping the cases' whole rows, their long texts). Its SQL is written here: the ORM's
    Case, When and counting subquery took about 3 ms of CPU to build and compile, the
    database 0.2 ms to answer."""

    def __init__(self, model, procedure_type_id, country, sector_ids):
        super().__init__("pk", "procedure_type_id", "country", output_field=IntegerField())
        self.model, self.procedure, self.country = model, procedure_type_id, country
        self.sector_ids = list(sector_ids)

    def written(self, columns, name):
        pk, procedure, country = columns
        terms, params = [], []
        if self.procedure is not None:
            terms.append(f"CASE WHEN {procedure} = %s THEN {PROCEDURE_WEIGHT} ELSE 0 END")
            params.append(self.procedure)
        if self.sector_ids:
            terms.append(f"{SECTOR_WEIGHT} * ({self.shared_sectors(pk, name)})")
            params.extend(self.sector_ids)
        if self.country:
            terms.append(f"CASE WHEN {country} = %s THEN {COUNTRY_WEIGHT} ELSE 0 END")
            params.append(self.country)
        return " + ".join(f"({term})" for term in terms) or "0", params

    def shared_sectors(self, pk, name):
        """How many of the sectors the case with that id holds (once each: the through table)."""
        meta = self.model.sectors.through._meta
        case_id = name(meta.get_field("casestudypage").column)
        sector_id = name(meta.get_field("sector").column)
        marks = ", ".join(["%s"] * len(self.sector_ids))
        return (
            f"SELECT COUNT(*) FROM {name(meta.db_table)} {name('shared')}"  # noqa: S608 (names)
            f" WHERE {name('shared')}.{case_id} = {pk}"
            f" AND {name('shared')}.{sector_id} IN ({marks})"
        )
