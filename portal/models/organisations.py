"""Organisations behind Procure+i and the agreements between them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from core.models import ChoiceLabels


class Organisation(ChoiceLabels, models.Model):
    """An organisation that runs, funds or advises the centre; name and text in PT and EN."""

    class Role(models.TextChoices):
        INITIATIVE = "initiative", _("Initiative")
        PARTNER = "partner", _("Partner")
        CO_FUNDER = "co_funder", _("Co-funder")
        CONSULTANT = "consultant", _("Consultant")

    name = models.CharField(_("name"), max_length=200, help_text=_("Full official name."))
    acronym = models.CharField(
        _("acronym"),
        max_length=30,
        unique=True,
        help_text=_("Short name, as used in running text (e.g. ANI)."),
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=Role.choices,
        help_text=_("What the organisation does for Procure+i."),
    )
    website = models.URLField(_("website"), blank=True, help_text=_("Home page address."))
    description = models.TextField(
        _("description"), blank=True, help_text=_("One or two sentences on its part in the centre.")
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=100, help_text=_("Lower numbers are listed first.")
    )

    panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("name_pt"), FieldPanel("name_en")])], heading=_("Name")
        ),
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("role"), FieldPanel("sort_order")]),
        FieldPanel("website"),
        FieldPanel("description_pt"),
        FieldPanel("description_en"),
    ]

    class Meta:
        ordering = ["sort_order", "acronym"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return f"{self.acronym} – {self.name}"


class Agreement(models.Model):
    """A protocol or agreement between organisations, such as the 2018 ANI–IMPIC protocol."""

    slug = models.SlugField(
        _("slug"), unique=True, max_length=80, help_text=_("Stable identifier, never shown.")
    )
    title = models.CharField(_("title"), max_length=255, help_text=_("Official title."))
    signed_on = models.DateField(_("signed on"), help_text=_("Date of signature."))
    parties = models.ManyToManyField(
        Organisation,
        verbose_name=_("parties"),
        related_name="agreements",
        help_text=_("The organisations that signed it."),
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("What it establishes, in a few sentences.")
    )

    panels = [
        FieldPanel("title_pt"),
        FieldPanel("title_en"),
        FieldRowPanel([FieldPanel("signed_on"), FieldPanel("slug")]),
        FieldPanel("parties"),
        FieldPanel("summary_pt"),
        FieldPanel("summary_en"),
    ]

    class Meta:
        ordering = ["signed_on"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def __str__(self):
        return self.title
