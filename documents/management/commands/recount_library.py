from django.core.management.base import BaseCommand, CommandError

from core.models import ContentVersion
from documents.models.tally import recount


class Command(BaseCommand):
    help = (
        "Rewrites the library's document tally (its count and years) from the documents; "
        "lists the keys that differed. Run nightly as a net, and after loading documents in bulk."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--strict", action="store_true", help="exit with an error if any key differed"
        )

    def handle(self, *args, strict=False, **options):
        differed = recount()
        for key, (held, counted) in sorted(differed.items(), key=str):
            self.stdout.write(f"{key}: held {held}, counted {counted}")
        self.stdout.write(f"Library tally rewritten: {len(differed)} key(s) differed.")
        if differed:
            ContentVersion.bump()  # pages and counts cached under the drifted numbers go
        if strict and differed:
            raise CommandError("The library's tally had drifted from its documents.")
