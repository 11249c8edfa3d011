"""Records known by a slug, with a name in each language and a place in a list."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel


class NamedTerm(models.Model):
    slug = models.SlugField(
        _("slug"), unique=True, help_text=_("Stable key, used in addresses and anchors.")
    )
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
        abstract = True
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name
