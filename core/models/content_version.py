"""One number that changes whenever published content changes: the page cache's generation."""

from django.db import models
from django.db.models import F


class ContentVersion(models.Model):
    """A single row, shared by every worker and server through the database."""

    number = models.BigIntegerField(default=0)

    class Meta:
        db_table = "portal_contentversion"  # moved from the portal app; the table kept its name
        verbose_name = "content version"

    def __str__(self):
        return str(self.number)

    @classmethod
    def current(cls):
        return cls.objects.filter(pk=1).values_list("number", flat=True).first() or 0

    @classmethod
    def bump(cls):
        if not cls.objects.filter(pk=1).update(number=F("number") + 1):
            cls.objects.get_or_create(pk=1, defaults={"number": 1})
