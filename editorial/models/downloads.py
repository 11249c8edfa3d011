"""How often each document was downloaded, per day: a count and nothing about who."""

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DocumentDownload(models.Model):
    """One row per document and day; no address, browser or user is ever stored."""

    document = models.ForeignKey(
        "documents.LibraryDocument",
        on_delete=models.CASCADE,
        related_name="downloads",
        verbose_name=_("document"),
        help_text=_("The library file that was downloaded."),
    )
    day = models.DateField(_("day"), help_text=_("The day of the downloads, in Lisbon time."))
    count = models.PositiveIntegerField(
        _("downloads"), default=0, help_text=_("How many times the file was served that day.")
    )

    class Meta:
        verbose_name = _("document download count")
        verbose_name_plural = _("document download counts")
        constraints = [
            models.UniqueConstraint(fields=["document", "day"], name="one_download_row_per_day")
        ]
        indexes = [models.Index(fields=["day"])]

    def __str__(self):
        return f"{self.document_id} {self.day}: {self.count}"

    @classmethod
    def record(cls, document_id, day=None):
        """Adds one download; concurrent requests never lose a count or duplicate the row."""
        day = day or timezone.localdate()
        rows = cls.objects.filter(document_id=document_id, day=day)
        if rows.update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():  # a savepoint: a lost race leaves the outer work intact
                cls.objects.create(document_id=document_id, day=day, count=1)
        except IntegrityError:  # another request created the row first
            rows.update(count=F("count") + 1)
