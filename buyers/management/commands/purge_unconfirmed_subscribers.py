"""Deletes newsletter sign-ups never confirmed within NEWSLETTER_CONFIRMATION_DAYS."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from buyers.models import Subscriber
from buyers.models.subscriber import confirmation_age


class Command(BaseCommand):
    help = "Delete newsletter sign-ups that were not confirmed in time (run it daily)."

    def handle(self, *args, **options):
        cutoff = timezone.now() - confirmation_age()
        deleted, _by_model = Subscriber.objects.unconfirmed_before(cutoff).delete()
        self.stdout.write(
            f"Deleted {deleted} unconfirmed sign-up(s) older than {cutoff:%Y-%m-%d %H:%M}."
        )
