from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Replaces the database and the uploaded files with a backup (`make restore`)."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A .tar.gz written by backup_portal.")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, archive, yes, **options):
        if not yes and input(f"Replace all data with {archive}? [y/N] ").lower() != "y":
            raise CommandError("Restore cancelled; nothing was changed.")
        try:
            manifest = restore_backup(archive)
        except BackupError as error:
            raise CommandError(error) from error
        self.stdout.write(f"Restored the {manifest['engine']} backup of {manifest['created']}.")
