"""Deletes "Ask Procure+i" requests older than SUPPORT_REQUEST_RETENTION_DAYS."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from buyers.models import SupportRequest


def expired_support_requests(now=None):
    """Requests (the inbox's rows, with notes and answer) received before the retention period."""
    cutoff = (now or timezone.now()) - datetime.timedelta(
        days=settings.SUPPORT_REQUEST_RETENTION_DAYS
    )
    return SupportRequest.objects.filter(submit_time__lt=cutoff), cutoff


class Command(BaseCommand):
    help = "Delete support requests older than SUPPORT_REQUEST_RETENTION_DAYS (run it daily)."

    def handle(self, *args, **options):
        expired, cutoff = expired_support_requests()
        deleted = expired.delete()[1].get(SupportRequest._meta.label, 0)
        self.stdout.write(
            f"Deleted {deleted} support request(s) received before {cutoff:%Y-%m-%d}."
        )
