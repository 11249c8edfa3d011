"""Case studies and their index, filterable by procedure, sector, country and year."""

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from rest_framework import serializers

from casestudies.countries import COUNTRIES
from casestudies.similar import similar_cases
from core.csv_export import csv_response
from core.listing import clean_choice, clean_int, paginate, query_without
from core.models import BasePage, BodyPage, ChoiceLabels, RelatedDocumentsMixin
from core.prepared import Prepared
from core.versioned_cache import remember
from core.visibility import public_pages

from .taxonomy import ProcedureType, Sector

# A published case's sectors, in their order; every procedure and sector, for the filters.
SECTORS_OF = Prepared(lambda pk: Sector.objects.filter(casestudypage=pk))
ALL_PROCEDURES = Prepared(lambda: ProcedureType.objects.all())
ALL_SECTORS = Prepared(lambda: Sector.objects.all())
RICH_TEXT = ["bold", "italic", "ol", "ul", "link", "document-link"]


def section_field(label, help_text):
    return RichTextField(label, blank=True, features=RICH_TEXT, help_text=help_text)


class CaseStudyIndexPage(RoutablePageMixin, BodyPage):
    offered_when_nothing_found = 3
    subpage_types = ["casestudies.CaseStudyPage"]
    per_page = 12

    class Meta:
        verbose_name = _("case study index")
        verbose_name_plural = _("case study indexes")

    def choices(self):
        """The filters' choices: procedures, sectors and the countries its cases are in."""
        used_countries = public_pages(CaseStudyPage.objects.child_of(self)).values_list(
            "country", flat=True
        )
        countries = dict(COUNTRIES)
        return (
            ALL_PROCEDURES(),
            ALL_SECTORS(),
            [(code, countries[code]) for code in sorted(set(used_countries)) if code in countries],
        )

    def filtered_cases(self, request):
        params = request.GET
        procedures, sectors, countries = remember(
            request, f"case-choices:{self.pk}:{get_language()}", self.choices
        )
        filters = {
            "procedure": clean_choice(params, "procedure", {p.slug for p in procedures}),
            "sector": clean_choice(params, "sector", {s.slug for s in sectors}),
            "country": clean_choice(params, "country", dict(COUNTRIES)),
            "year": clean_int(params, "year", 1900, 2200),
        }
        cases = (
            public_pages(CaseStudyPage.objects.child_of(self))
            .select_related("procedure_type")
            .order_by(Coalesce("end_year", "start_year").desc(nulls_last=True), "title")
        )
        if filters["procedure"]:
            cases = cases.filter(procedure_type__slug=filters["procedure"])
        if filters["sector"]:
            cases = cases.filter(sectors__slug=filters["sector"])
        if filters["country"]:
            cases = cases.filter(country=filters["country"])
        if filters["year"]:
            year = filters["year"]
            cases = cases.filter(start_year__lte=year).filter(
                Q(end_year__gte=year) | Q(end_year__isnull=True, start_year=year)
            )
        return cases, filters, (procedures, sectors, countries)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        params = request.GET
        cases, filters, (procedures, sectors, countries) = self.filtered_cases(request)
        filtered_by = ":".join(str(value) for value in filters.values())
        count = remember(request, f"case-count:{self.pk}:{filtered_by}", cases.count)
        context.update(
            cases=paginate(cases, params, self.per_page, count),
            filters=filters,
            procedures=procedures,
            sectors=sectors,
            countries=countries,
            page_query=query_without(params, "page"),
            is_filtered=any(filters.values()),
        )
        return context

    @path("csv/")
    def csv_route(self, request):
        cases = self.filtered_cases(request)[0]
        header = [
            _("Title"), _("Procedure"), _("Sectors"), _("Country"), _("Start year"),
            _("End year"), _("Buyer"), _("Programme or funding"), _("Budget"), _("Summary"),
            _("Page"),
        ]  # fmt: skip
        rows = (
            [
                case.title,
                case.procedure_type.name if case.procedure_type else "",
                "; ".join(sector.name for sector in case.sectors.all()),
                case.get_country_display(),
                case.start_year,
                case.end_year,
                case.buyer,
                case.programme,
                case.budget,
                case.summary or case.intro,
                request.build_absolute_uri(case.url),
            ]  # fmt: skip
            for case in cases.prefetch_related("sectors")
            .defer_streamfields()
            .iterator(chunk_size=500)
        )
        return csv_response(f"procureplus-case-studies-{get_language()}.csv", header, rows)


class CaseStudyPage(ChoiceLabels, RelatedDocumentsMixin, BasePage):
    """One case of innovation procurement; facts that are not known stay empty and are hidden."""

    search_kind = "case_study"  # found under its own kind in the site search

    parent_page_types = ["casestudies.CaseStudyIndexPage"]
    subpage_types = []

    procedure_type = models.ForeignKey(
        ProcedureType,
        verbose_name=_("procedure type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
        help_text=_("The procurement procedure the buyer used."),
    )
    sectors = ParentalManyToManyField(
        Sector, verbose_name=_("sectors"), blank=True, help_text=_("Policy areas of the need.")
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        choices=COUNTRIES,
        blank=True,
        help_text=_("The buyer's country."),
    )
    start_year = models.PositiveSmallIntegerField(
        _("start year"), null=True, blank=True, help_text=_("Leave empty if unknown.")
    )
    end_year = models.PositiveSmallIntegerField(
        _("end year"), null=True, blank=True, help_text=_("Leave empty if unknown or ongoing.")
    )
    buyer = models.TextField(
        _("buyer"), blank=True, help_text=_("The contracting authority or authorities.")
    )
    programme = models.CharField(
        _("programme or funding"),
        max_length=255,
        blank=True,
        help_text=_("E.g. Horizon 2020, Interreg MED."),
    )
    budget = models.CharField(
        _("budget"),
        max_length=255,
        blank=True,
        help_text=_("Amount and what it covers, with its source."),
    )
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Show this case on the home page.")
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("The case in two or three sentences.")
    )
    challenge = section_field(_("challenge"), _("The need the buyer faced."))
    approach = section_field(_("approach"), _("How the procurement was run."))
    results = section_field(_("results"), _("What came out of it."))
    lessons = section_field(_("lessons"), _("What other buyers can learn."))

    api_fields = [
        APIField("intro"),
        APIField("procedure_name", serializer=serializers.CharField()),
        APIField("sector_names", serializer=serializers.ListField(child=serializers.CharField())),
        APIField("country"),
        APIField("start_year"),
        APIField("end_year"),
        APIField("buyer"),
        APIField("programme"),
        APIField("budget"),
        APIField("summary"),
        APIField("challenge"),
        APIField("approach"),
        APIField("results"),
        APIField("lessons"),
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("procedure_type"), FieldPanel("country")]),
                FieldPanel("sectors"),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                FieldPanel("buyer"),
                FieldRowPanel([FieldPanel("programme"), FieldPanel("budget")]),
                FieldPanel("featured"),
            ],
            heading=_("Key facts"),
        ),
        FieldPanel("summary"),
        FieldPanel("challenge"),
        FieldPanel("approach"),
        FieldPanel("results"),
        FieldPanel("lessons"),
        *RelatedDocumentsMixin.panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("buyer"),
        index.SearchField("summary"),
        index.SearchField("challenge"),
        index.SearchField("approach"),
        index.SearchField("results"),
        index.SearchField("lessons"),
    ]

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")
        indexes = [
            # The home page's featured cases (featured first, newest first, then title) read in
            # this order, the sort of the title within a year only: 2,000 cases 9.0 → 2.5 ms (PG).
            models.Index(F("featured").desc(), F("start_year").desc(), name="case_featured_newest"),
        ]

    @classmethod
    def routed_pages(cls):
        """With its procedure, which the page shows: one query fewer on every visit."""
        return super().routed_pages().select_related("procedure_type")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            context.update(self.related())  # a draft's sectors, not the published ones
        else:
            published = remember(
                request, f"case-related:{self.pk}", lambda: self.related(SECTORS_OF(self.pk))
            )
            context.update(published)
        return context

    def related(self, sectors=None):
        """Its procedure, sectors and similar cases: they change only with content. The
        sectors as read (published), else as this object holds them (a draft's)."""
        sectors = list(self.sectors.all()) if sectors is None else sectors
        return {
            "procedure": self.procedure_type,
            "sector_list": sectors,
            "similar_cases": similar_cases(self, [sector.pk for sector in sectors]),
        }

    def sections(self):
        """(heading, rich text) of the narrative sections that have content."""
        return [
            (label, value)
            for label, value in (
                (_("Challenge"), self.challenge),
                (_("Approach"), self.approach),
                (_("Results"), self.results),
                (_("Lessons"), self.lessons),
            )
            if value
        ]

    def in_page_language(self, record, field):
        """A translated field of a related record in this page's language (the API has none)."""
        code = self.locale.language_code
        return getattr(record, f"{field}_{code}", "") or getattr(record, field)

    @property
    def procedure_name(self):
        if self.procedure_type is None:
            return ""
        return self.in_page_language(self.procedure_type, "name")

    @property
    def sector_names(self):
        return [self.in_page_language(sector, "name") for sector in self.sectors.all()]

    @property
    def years(self):
        if self.start_year and self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year or "")
