"""The privacy notice a public form's consent box links to (support request, newsletter)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page


class PrivacyNoticeMixin(models.Model):
    fixture_late_fields = ("privacy_page",)  # names a page: loaded once every page exists

    privacy_page = models.ForeignKey(
        Page,
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the consent box."),
    )

    class Meta:
        abstract = True

    def privacy_url(self):
        """The notice in this page's language (or as it is, untranslated); "" when none is set."""
        privacy = self.privacy_page.localized if self.privacy_page_id else None
        return privacy.url if privacy else ""
