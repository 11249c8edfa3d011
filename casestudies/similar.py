"""Case studies most like a given one: same procedure, shared sectors, same country."""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.expressions import Case, When
from django.db.models.functions import Coalesce

from core.visibility import public_pages

PROCEDURE_WEIGHT = 3  # the procedure is what a buyer comes to compare
SECTOR_WEIGHT = 2
COUNTRY_WEIGHT = 1
LIMIT = 3
# What a case's card shows (includes/case_card.html): its long texts are not read.
CARD_FIELDS = ("title", "url_path", "intro", "country", "start_year", "end_year", "procedure_type")


def similar_cases(case, sector_ids, limit=LIMIT):
    """Up to `limit` live, public cases in the same language, best match first; one query."""
    model = type(case)

    def same(field, value, weight):
        if value in (None, ""):
            return Value(0, output_field=IntegerField())
        return Case(When(**{field: value}, then=Value(weight)), default=Value(0))

    # Counted per case in a subquery, not by grouping the cases' whole rows (their long texts):
    # half the SQL time and less to compile. A case holds a sector once (the through table).
    shared = (
        model.sectors.through.objects.filter(casestudypage_id=OuterRef("pk"), sector__in=sector_ids)
        .order_by()
        .values("casestudypage_id")
        .annotate(count=Count("*"))
        .values("count")
    )
    shared_sectors = (
        Coalesce(Subquery(shared, output_field=IntegerField()), 0)
        if sector_ids
        else Value(0, output_field=IntegerField())
    )
    return list(
        public_pages(model.objects)
        .filter(locale_id=case.locale_id)
        .exclude(pk=case.pk)
        .select_related("procedure_type")
        .only(*CARD_FIELDS)
        .annotate(
            score=same("procedure_type_id", case.procedure_type_id, PROCEDURE_WEIGHT)
            + shared_sectors * SECTOR_WEIGHT
            + same("country", case.country, COUNTRY_WEIGHT)
        )
        .filter(score__gt=0)
        .order_by("-score", "title")[:limit]
    )
