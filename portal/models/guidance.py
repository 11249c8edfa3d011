"""Guidance modules, and seminar and workshop reports."""

from django.db import models
from django.db.models import F
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from core.models import BodyPage, RelatedDocumentsMixin
from core.visibility import public_pages


class ModuleIndexPage(BodyPage):
    offered_when_nothing_found = 2
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.ModulePage"]

    class Meta:
        verbose_name = _("module index")
        verbose_name_plural = _("module indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        modules = public_pages(ModulePage.objects.child_of(self))
        context["modules"] = list(modules.order_by("path"))
        return context


class ModulePage(RelatedDocumentsMixin, BodyPage):
    """A guidance module: sections with a table of contents, and the module's PDF."""

    parent_page_types = ["portal.ModuleIndexPage"]
    subpage_types = []
    content_panels = [*BodyPage.content_panels, *RelatedDocumentsMixin.panels]

    class Meta:
        verbose_name = _("guidance module")
        verbose_name_plural = _("guidance modules")

    def table_of_contents(self):
        """(anchor, heading) of each heading block, as the heading template anchors them."""
        return [
            (slugify(block.value), block.value)
            for block in self.body
            if block.block_type == "heading"
        ]


class EventIndexPage(BodyPage):
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.EventReportPage"]

    class Meta:
        verbose_name = _("seminar and workshop index")
        verbose_name_plural = _("seminar and workshop indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["events"] = list(
            public_pages(EventReportPage.objects.child_of(self)).order_by(
                F("event_date").desc(nulls_last=True), "path"
            )
        )
        return context


class EventReportPage(RelatedDocumentsMixin, BodyPage):
    """A seminar or workshop and its reports."""

    parent_page_types = ["portal.EventIndexPage"]
    subpage_types = []

    event_date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("First day of the event; empty if unknown.")
    )
    date_display = models.CharField(
        _("dates as written"),
        max_length=100,
        blank=True,
        help_text=_("Only for dates a single day cannot express, e.g. '27 and 30 January 2023'."),
    )
    place = models.CharField(
        _("place"), max_length=150, blank=True, help_text=_("Where it took place.")
    )
    organiser = models.CharField(
        _("organiser"), max_length=150, blank=True, help_text=_("Who organised it.")
    )

    # Single-line fields are indexed when listed (search/page_text.py): where and by whom.
    search_fields = [
        *BodyPage.search_fields,
        index.SearchField("place"),
        index.SearchField("organiser"),
    ]
    content_panels = [
        *BodyPage.content_panels[:2],
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("event_date"), FieldPanel("date_display")]),
                FieldRowPanel([FieldPanel("place"), FieldPanel("organiser")]),
            ],
            heading=_("Event"),
        ),
        *BodyPage.content_panels[2:],
        *RelatedDocumentsMixin.panels,
    ]

    class Meta:
        verbose_name = _("seminar or workshop report")
        verbose_name_plural = _("seminar and workshop reports")
