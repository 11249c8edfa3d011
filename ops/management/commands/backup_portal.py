from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Writes the database and the uploaded files into one .tar.gz (`make backup`)."

    def add_arguments(self, parser):
        parser.add_argument("--output", default="backups", help="Folder for the archive.")

    def handle(self, *args, output, **options):
        try:
            archive = create_backup(output)
        except BackupError as error:
            raise CommandError(error) from error
        self.stdout.write(f"Backup written: {archive}")
