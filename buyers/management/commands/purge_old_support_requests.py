"""Deletes "Ask Procure+i" requests older than SUPPORT_REQUEST_RETENTION_DAYS."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission

from buyers.models import SupportRequestPage


def expired_support_requests(now=None):
    """Submissions of every support request page received before the retention period."""
    cutoff = (now or timezone.now()) - datetime.timedelta(
        days=settings.SUPPORT_REQUEST_RETENTION_DAYS
    )
    pages = SupportRequestPage.objects.values("pk")
    return FormSubmission.objects.filter(page__in=pages, submit_time__lt=cutoff), cutoff


class Command(BaseCommand):
    help = "Delete support requests older than SUPPORT_REQUEST_RETENTION_DAYS (run it daily)."

    def handle(self, *args, **options):
        expired, cutoff = expired_support_requests()
        deleted, _by_model = expired.delete()
        self.stdout.write(
            f"Deleted {deleted} support request(s) received before {cutoff:%Y-%m-%d}."
        )
