"""The site search's own index: one row per item and language, kept in step by signals."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        PAGE = "page", _("Page")
        DOCUMENT = "document", _("Document")
        WEBINAR = "webinar", _("Webinar")
        CASE_STUDY = "case_study", _("Case study")

    language = models.CharField(max_length=5, db_index=True)
    kind = models.CharField(max_length=12, choices=Kind.choices, db_index=True)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(max_length=255)
    text = models.TextField(blank=True)

    class Meta:
        db_table = "portal_searchentry"  # moved from the portal app; the table kept its name
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "language"], name="unique_search_entry"
            )
        ]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return self.title


# Models of their own modules, loaded with the app's models.
from search.promotions import SearchPromotion  # noqa: E402, F401
from search.statistics import SearchCount  # noqa: E402, F401
