from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from ops.content_loader import ContentLoader


class Command(BaseCommand):
    help = "Load the portal's content from fixtures/; adds what is missing, never overwrites."

    def add_arguments(self, parser):
        parser.add_argument(
            "--fixtures", type=Path, default=settings.BASE_DIR / "fixtures", help="Content folder."
        )

    def handle(self, *args, fixtures, **options):
        report = ContentLoader(fixtures).load()
        for label in report.created:
            self.stdout.write(f"  + {label}")
        self.stdout.write(self.style.SUCCESS(f"Portal content: {report}."))
