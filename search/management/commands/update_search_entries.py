from django.core.management.base import BaseCommand

from search import indexing as search_index


class Command(BaseCommand):
    help = "Rebuild the site search's entries for every page, document and webinar."

    def handle(self, *args, **options):
        count = search_index.rebuild()
        self.stdout.write(self.style.SUCCESS(f"Search: {count} entries."))
