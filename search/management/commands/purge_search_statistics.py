"""Deletes search counts older than SEARCH_STATS_RETENTION_DAYS (run daily by the scheduler)."""

from django.core.management.base import BaseCommand

from search.statistics import purge


class Command(BaseCommand):
    help = "Delete search counts older than SEARCH_STATS_RETENTION_DAYS (run it daily)."

    def handle(self, *args, **options):
        deleted, cutoff = purge()
        self.stdout.write(f"Deleted {deleted} search count(s) from before {cutoff:%Y-%m-%d}.")
