"""Case studies most like a given one: same procedure, shared sectors, same country."""

from django.db.models import Count, IntegerField, Q, Value
from django.db.models.expressions import Case, When

from core.visibility import public_pages

PROCEDURE_WEIGHT = 3  # the procedure is what a buyer comes to compare
SECTOR_WEIGHT = 2
COUNTRY_WEIGHT = 1
LIMIT = 3


def similar_cases(case, sector_ids, limit=LIMIT):
    """Up to `limit` live, public cases in the same language, best match first; one query."""
    model = type(case)

    def same(field, value, weight):
        if value in (None, ""):
            return Value(0, output_field=IntegerField())
        return Case(When(**{field: value}, then=Value(weight)), default=Value(0))

    shared_sectors = (
        Count("sectors", filter=Q(sectors__in=sector_ids), distinct=True)
        if sector_ids
        else Value(0, output_field=IntegerField())
    )
    return list(
        public_pages(model.objects)
        .filter(locale_id=case.locale_id)
        .exclude(pk=case.pk)
        .select_related("procedure_type")
        .annotate(
            score=same("procedure_type_id", case.procedure_type_id, PROCEDURE_WEIGHT)
            + shared_sectors * SECTOR_WEIGHT
            + same("country", case.country, COUNTRY_WEIGHT)
        )
        .filter(score__gt=0)
        .order_by("-score", "title")[:limit]
    )
