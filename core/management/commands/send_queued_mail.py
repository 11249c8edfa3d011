"""Enqueue queued mail that is due: after a worker was lost, or with tasks run immediately."""

from django.core.management.base import BaseCommand

from core.outgoing_mail import enqueue_due


class Command(BaseCommand):
    help = "Enqueue the delivery of every queued mail whose next attempt is due."

    def handle(self, *args, **options):
        count = enqueue_due()
        self.stdout.write(f"{count} mail(s) enqueued")
