"""Sends newsletter issues whose scheduled time has passed; resumes sends a lost worker left."""

from django.core.management.base import BaseCommand

from buyers.newsletter_sending import send_due


class Command(BaseCommand):
    help = (
        "Start sending newsletter issues whose scheduled time has passed, and resume sends "
        "that stopped half way (run it every few minutes)."
    )

    def handle(self, *args, **options):
        started, resumed = send_due()
        self.stdout.write(f"Started {started} scheduled issue(s), resumed {resumed} send(s).")
