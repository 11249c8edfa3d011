from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ops.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Writes the database and every stored file into one archive (`make backup`)."

    def add_arguments(self, parser):
        parser.add_argument("--output", default="backups", help="Folder for the archive.")
        parser.add_argument(
            "--keep",
            type=int,
            default=None,
            help="Archives the folder keeps (default BACKUP_KEEP; 0 keeps all).",
        )

    def handle(self, *args, output, keep, **options):
        keep = settings.BACKUP_KEEP if keep is None else keep
        try:
            archive, removed = create_backup(output, keep=keep)
        except BackupError as error:
            raise CommandError(error) from error
        self.stdout.write(_("Backup written: %(archive)s") % {"archive": archive})
        for path in removed:
            self.stdout.write(_("Older backup removed: %(archive)s") % {"archive": path})
