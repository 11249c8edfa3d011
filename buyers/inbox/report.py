"""The inbox's report: requests per month and topic, and the median time to a first answer."""

import statistics
from collections import defaultdict

from django.utils import timezone

from buyers.models import SupportRequest


def hours(delta):
    return delta.total_seconds() / 3600


def median_hours(durations):
    """Median of the waits, in hours with one decimal; None when nothing was answered."""
    return round(statistics.median(durations), 1) if durations else None


def monthly_rows(queryset=None):
    """One row per month (newest first) and topic: requests, answered, median hours to answer.

    One query, whatever the number of requests: the retention period bounds them (a year).
    """
    queryset = SupportRequest.objects.all() if queryset is None else queryset
    groups = defaultdict(lambda: {"requests": 0, "waits": []})
    for submitted, topic, answered in queryset.values_list(
        "submit_time", "topic", "first_answered_at"
    ).order_by():
        month = timezone.localtime(submitted).date().replace(day=1)
        group = groups[(month, topic)]
        group["requests"] += 1
        if answered:
            group["waits"].append(hours(answered - submitted))
    rows = [
        {
            "month": month,
            "topic": topic,
            "requests": group["requests"],
            "answered": len(group["waits"]),
            "median_hours": median_hours(group["waits"]),
        }
        for (month, topic), group in groups.items()
    ]
    rows.sort(key=lambda row: (-row["month"].toordinal(), row["topic"]))
    return rows


def overall(queryset=None):
    """Totals over every request kept: count, answered, and the median hours to a first answer."""
    queryset = SupportRequest.objects.all() if queryset is None else queryset
    waits = [
        hours(answered - submitted)
        for submitted, answered in queryset.filter(first_answered_at__isnull=False)
        .values_list("submit_time", "first_answered_at")
        .order_by()
    ]
    return {
        "requests": queryset.count(),
        "answered": len(waits),
        "median_hours": median_hours(waits),
    }
