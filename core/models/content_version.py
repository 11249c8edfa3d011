"""One number that changes whenever published content changes: the page cache's generation."""

from django.db import models, transaction
from django.db.models import F


class ContentVersion(models.Model):
    """A single row, shared by every worker and server through the database.

    With a Redis cache the number is read from Redis's copy (core/shared_version.py), so a
    cached page needs no query; the row stays the source of truth.
    """

    number = models.BigIntegerField(default=0)

    class Meta:
        db_table = "portal_contentversion"  # moved from the portal app; the table kept its name
        verbose_name = "content version"

    def __str__(self):
        return str(self.number)

    @classmethod
    def stored(cls):
        """The row's number: one query."""
        return cls.objects.filter(pk=1).values_list("number", flat=True).first() or 0

    @classmethod
    def current(cls):
        from core import shared_version

        return shared_version.read(cls.stored)

    @classmethod
    def bump(cls):
        """Adds one to the row; once that commits, Redis's copy follows. Returns the number."""
        from core import shared_version

        with transaction.atomic():
            if not cls.objects.filter(pk=1).update(number=F("number") + 1):
                cls.objects.get_or_create(pk=1, defaults={"number": 1})
            number = cls.stored()  # the updated row is locked until commit: this is ours
        transaction.on_commit(lambda: shared_version.publish(number))
        return number
