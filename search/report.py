"""Reports > Searches: what visitors searched for over the last 30 or 90 days, per language,
with how often each query found nothing; exportable as CSV."""

import datetime

from django.conf import settings
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from core.csv_export import csv_response
from search.statistics import SearchCount

PERIODS = [("30", _("Last 30 days")), ("90", _("Last 90 days"))]
SHOWN = [("", _("Most frequent searches")), ("nothing", _("Searches that found nothing"))]


def unfiltered(queryset, name, value):
    return queryset  # the view reads the choices itself: they shape an aggregate, not a filter


class SearchReportFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=_("Period"), choices=PERIODS, empty_label=None, method=unfiltered
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=settings.LANGUAGES,
        empty_label=_("Both languages"),
        method=unfiltered,
    )
    shown = django_filters.ChoiceFilter(
        label=_("Show"), choices=SHOWN[1:], empty_label=SHOWN[0][1], method=unfiltered
    )

    class Meta:
        model = SearchCount
        fields = []


def language_name(row):
    return dict(settings.LANGUAGES).get(row["language"], row["language"])


def search_rows(days, language="", nothing_only=False, today=None):
    """One row per query and language over the last `days` days: searches, and of them how
    many found nothing; most frequent first (most often fruitless first with nothing_only)."""
    start = (today or timezone.localdate()) - datetime.timedelta(days=days - 1)
    counts = SearchCount.objects.filter(day__gte=start)
    if language:
        counts = counts.filter(language=language)
    rows = counts.values("query", "language").annotate(
        searches=Sum("count"), nothing=Sum("count", filter=Q(found=False), default=0)
    )
    if nothing_only:
        return rows.filter(nothing__gt=0).order_by("-nothing", "query", "language")
    return rows.order_by("-searches", "query", "language")


class SearchReportView(ReportView):
    page_title = _("Searches")
    header_icon = "search"
    index_url_name = "search_report"
    index_results_url_name = "search_report_results"
    filterset_class = SearchReportFilterSet
    permission_policy = ModelPermissionPolicy(SearchCount)
    permission_required = "view"
    FORMATS = ("csv",)  # CSV only, through the portal's formula-safe writer
    list_export = ["query", "language", "searches", "nothing"]
    columns = [
        Column("query", label=_("Query")),
        Column("language", label=_("Language"), accessor=language_name),
        Column("searches", label=_("Searches")),
        Column("nothing", label=_("Found nothing")),
    ]

    def choice(self, name, default=""):
        form = self.filters.form if self.filters else None
        if form is None or not form.is_valid():
            return default
        return form.cleaned_data.get(name) or default

    def get_base_queryset(self):
        return search_rows(
            int(self.choice("period", "30")),
            self.choice("language"),
            self.choice("shown") == "nothing",
        )

    def get_page_subtitle(self):
        period = str(dict(PERIODS)[self.choice("period", "30")])
        return period[:1].lower() + period[1:]  # after "Searches:", in sentence case

    @property
    def header_more_buttons(self):
        return [b for b in super().header_more_buttons if "xlsx" not in b.url]

    def as_spreadsheet(self, queryset, spreadsheet_format):
        period = self.choice("period", "30")
        filename = f"searches-{period}-days-{timezone.localdate():%Y%m%d}.csv"
        header = [_("Query"), _("Language"), _("Searches"), _("Found nothing")]
        rows = ([r["query"], r["language"], r["searches"], r["nothing"]] for r in queryset)
        return csv_response(filename, header, rows)
