"""Contact details, social links and footer text, edited in Settings and shown by templates."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from core.prepared import Prepared


@register_setting(icon="site")
class PortalSettings(BaseGenericSetting):
    """One record for the whole portal; address and footer text exist in PT and EN."""

    shown_on_pages = True  # the footer of every page shows it
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_("Address visitors write to. Leave empty to hide it."),
    )
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_("With the country code, e.g. +351 210 000 000. Leave empty to hide it."),
    )
    address = models.TextField(
        _("address"),
        blank=True,
        help_text=_("Postal address, one line per line of the envelope. Leave empty to hide it."),
    )
    footer_text = models.TextField(
        _("footer text"),
        blank=True,
        help_text=_("What the footer says about Procure+i; a blank line starts a new paragraph."),
    )
    linkedin_url = models.URLField(
        _("LinkedIn"), blank=True, help_text=_("Full address of the LinkedIn page.")
    )
    x_url = models.URLField(_("X"), blank=True, help_text=_("Full address of the X account."))
    youtube_url = models.URLField(
        _("YouTube"), blank=True, help_text=_("Full address of the YouTube channel.")
    )
    facebook_url = models.URLField(
        _("Facebook"), blank=True, help_text=_("Full address of the Facebook page.")
    )

    panels = [
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("phone")], heading=_("Contact")),
        MultiFieldPanel([FieldPanel("address_pt"), FieldPanel("address_en")], heading=_("Address")),
        MultiFieldPanel(
            [FieldPanel("footer_text_pt"), FieldPanel("footer_text_en")], heading=_("Footer")
        ),
        MultiFieldPanel(
            [
                FieldPanel("linkedin_url"),
                FieldPanel("x_url"),
                FieldPanel("youtube_url"),
                FieldPanel("facebook_url"),
            ],
            heading=_("Social networks"),
        ),
    ]

    class Meta:
        verbose_name = _("portal settings")
        verbose_name_plural = _("portal settings")

    def __str__(self):
        return str(self._meta.verbose_name)

    @classmethod
    def _get_or_create(cls):
        """Wagtail's reading of the one record (on every page's footer), a prepared queryset
        (core/prepared.py); made when there is none, as Wagtail makes it."""
        found = FIRST_SETTINGS()
        return found[0] if found else cls.objects.create()

    def social_links(self):
        """(name, address) of each network that has one, in a fixed order."""
        links = [
            ("LinkedIn", self.linkedin_url),
            ("X", self.x_url),
            ("YouTube", self.youtube_url),
            ("Facebook", self.facebook_url),
        ]
        return [(name, url) for name, url in links if url]


# Wagtail's `base_queryset().first()`: the record of the lowest id.
FIRST_SETTINGS = Prepared(lambda: PortalSettings.base_queryset().order_by("pk")[:1])
