"""Case studies most like a given one: same procedure, shared sectors, same country."""

from django.db.models import IntegerField, Q

from core.prepared import PreparedFamily
from core.visibility import public_pages
from core.written_sql import WrittenSQL

PROCEDURE_WEIGHT = 3  # the procedure is what a buyer comes to compare
SECTOR_WEIGHT = 2
COUNTRY_WEIGHT = 1
LIMIT = 3
# What a case's card shows (includes/case_card.html): its long texts are not read.
CARD_FIELDS = ("title", "url_path", "intro", "country", "start_year", "end_year", "procedure_type")


def similar_cases(case, sector_ids, limit=LIMIT):
    """Up to `limit` live, public cases in the same language, best match first: a prepared
    queryset (core/prepared.py) per shape of score (with or without a procedure, a country, and
    by the number of sectors).

    Only the cases that share the procedure or a sector are scored first: each scores at least
    SECTOR_WEIGHT, any other at most COUNTRY_WEIGHT, so when `limit` of them are found they are
    the best (at 2,000 cases PostgreSQL scored every case of the language in 7 ms, these in 3).
    Otherwise every case is scored, a second query."""
    procedure, country = case.procedure_type_id, case.country
    has_procedure, has_country = procedure is not None, bool(country)
    extra = [procedure] * has_procedure + [country] * has_country  # the values the shape takes
    values = (case.locale_id, case.pk, *extra, *sector_ids)
    if has_procedure or sector_ids:
        sharing = list(SIMILAR((type(case), has_procedure, has_country, limit, True), *values))
        if len(sharing) == limit:
            return sharing
    best = SIMILAR((type(case), has_procedure, has_country, limit, False), *values)
    # Nothing in common is dropped here: a score in WHERE too was computed twice a case.
    return [other for other in best if other.score > 0]


def similar_to(model, has_procedure, has_country, limit, sharing=False):
    """The queryset of similar_cases for cases of that shape, by its values; with `sharing`,
    only the cases that share the procedure or a sector."""

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
        if sharing:
            cases = cases.filter(shares(model, procedure, sector_ids))
        return cases.annotate(score=Likeness(model, procedure, country, sector_ids)).order_by(
            "-score", "title"
        )[:limit]

    return build


def shares(model, procedure, sector_ids):
    """The cases with that procedure (None: no procedure shared) or one of those sectors."""
    condition = Q()  # similar_cases gives one of them at least
    if procedure is not None:
        condition |= Q(procedure_type_id=procedure)
    if sector_ids:
        through = model.sectors.through.objects.filter(sector_id__in=sector_ids)
        condition |= Q(pk__in=through.values("casestudypage_id"))
    return condition


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
