"""Procedure types and sectors: records with a name in each language."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel


class ProcedureType(models.Model):
    slug = models.SlugField(_("slug"), unique=True, help_text=_("Used in filter addresses."))
    name = models.CharField(_("name"), max_length=120, help_text=_("As shown to visitors."))
    description = models.TextField(
        _("description"), blank=True, help_text=_("One or two sentences, with the legal basis.")
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=100, help_text=_("Lower numbers are listed first.")
    )

    panels = [
        FieldPanel("name_pt"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("description_pt"),
        FieldPanel("description_en"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("procedure type")
        verbose_name_plural = _("procedure types")

    def __str__(self):
        return self.name


class Sector(models.Model):
    slug = models.SlugField(_("slug"), unique=True, help_text=_("Used in filter addresses."))
    name = models.CharField(_("name"), max_length=120, help_text=_("As shown to visitors."))
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=100, help_text=_("Lower numbers are listed first.")
    )

    panels = [
        FieldPanel("name_pt"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self):
        return self.name
