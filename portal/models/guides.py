"""Practical guides for buyers: an index and guide pages with their review date and legal basis."""

from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from core.models import BodyPage
from core.visibility import public_pages


class LegalSourceBlock(blocks.StructBlock):
    """One provision a guide rests on, and where the reader can read it in force."""

    provision = blocks.CharBlock(
        label=_("Provision"),
        max_length=200,
        help_text=_("E.g. “Código dos Contratos Públicos, artigo 35.º-A”."),
    )
    source = blocks.CharBlock(
        label=_("Source"),
        max_length=200,
        help_text=_("The consolidated text read, with its version."),
    )
    url = blocks.URLBlock(label=_("Address of the source"))

    class Meta:
        icon = "doc-full"
        label = _("Legal source")


class GuideIndexPage(BodyPage):
    """The list of practical guides, as cards."""

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.GuidePage"]

    class Meta:
        verbose_name = _("guide index")
        verbose_name_plural = _("guide indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        guides = public_pages(GuidePage.objects.child_of(self))
        context["guides"] = list(guides.order_by("path"))
        return context


class GuidePage(BodyPage):
    """A practical guide: steps, what the law requires, common mistakes, and its legal basis."""

    parent_page_types = ["portal.GuideIndexPage"]
    subpage_types = []

    last_reviewed = models.DateField(
        _("last reviewed"),
        default=timezone.localdate,  # a new guide is written against the law of its day
        help_text=_("When the guide was last checked against the law in force; shown on the page."),
    )
    legal_basis = StreamField(
        [("source", LegalSourceBlock())],
        blank=True,
        verbose_name=_("legal basis"),
        help_text=_("The provisions the guide rests on, each with the consolidated text read."),
    )

    content_panels = [
        *BodyPage.content_panels[:2],
        FieldPanel("last_reviewed"),
        *BodyPage.content_panels[2:],
        FieldPanel("legal_basis"),
    ]

    class Meta:
        verbose_name = _("practical guide")
        verbose_name_plural = _("practical guides")

    def table_of_contents(self):
        """(anchor, heading) of each heading block, as the heading template anchors them."""
        return [
            (slugify(block.value), block.value)
            for block in self.body
            if block.block_type == "heading"
        ]

    def legal_sources(self):
        return [block.value for block in self.legal_basis if block.block_type == "source"]
