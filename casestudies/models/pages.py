"""Case studies and their index, filterable by procedure, sector, country and year."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from casestudies.countries import COUNTRIES
from portal.listing import clean_choice, clean_int, paginate, query_without
from portal.models import BasePage, BodyPage, RelatedDocumentsMixin

from .taxonomy import ProcedureType, Sector

RICH_TEXT = ["bold", "italic", "ol", "ul", "link", "document-link"]


def section_field(label, help_text):
    return RichTextField(label, blank=True, features=RICH_TEXT, help_text=help_text)


class CaseStudyIndexPage(BodyPage):
    template = "pages/case_study_index_page.html"
    subpage_types = ["casestudies.CaseStudyPage"]
    per_page = 12

    class Meta:
        verbose_name = _("case study index")
        verbose_name_plural = _("case study indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        params = request.GET
        procedures = list(ProcedureType.objects.all())
        sectors = list(Sector.objects.all())
        filters = {
            "procedure": clean_choice(params, "procedure", {p.slug for p in procedures}),
            "sector": clean_choice(params, "sector", {s.slug for s in sectors}),
            "country": clean_choice(params, "country", dict(COUNTRIES)),
            "year": clean_int(params, "year", 1900, 2200),
        }
        cases = (
            CaseStudyPage.objects.child_of(self)
            .live()
            .select_related("procedure_type")
            .prefetch_related("sectors")
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
        countries = dict(COUNTRIES)
        used_countries = (
            CaseStudyPage.objects.child_of(self).live().values_list("country", flat=True)
        )
        context.update(
            cases=paginate(cases, params, self.per_page),
            filters=filters,
            procedures=procedures,
            sectors=sectors,
            countries=[
                (code, countries[code]) for code in sorted(set(used_countries)) if code in countries
            ],
            page_query=query_without(params, "page"),
            is_filtered=any(filters.values()),
        )
        return context


class CaseStudyPage(RelatedDocumentsMixin, BasePage):
    """One case of innovation procurement; facts that are not known stay empty and are hidden."""

    template = "pages/case_study_page.html"
    parent_page_types = ["casestudies.CaseStudyIndexPage"]

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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sector_list"] = list(self.sectors.all())
        return context

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

    @property
    def years(self):
        if self.start_year and self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year or "")
