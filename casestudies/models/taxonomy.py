"""Procedure types and sectors: records with a name in each language."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from core.models.terms import NamedTerm


class ProcedureType(NamedTerm):
    description = models.TextField(
        _("description"), blank=True, help_text=_("One or two sentences, with the legal basis.")
    )

    panels = [*NamedTerm.panels, FieldPanel("description_pt"), FieldPanel("description_en")]

    class Meta(NamedTerm.Meta):
        verbose_name = _("procedure type")
        verbose_name_plural = _("procedure types")


class Sector(NamedTerm):
    class Meta(NamedTerm.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
