from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ops.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Replaces the database and the stored files with a backup (`make restore`)."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A .tar.gz or .tar.gz.enc written by backup_portal.")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, archive, yes, **options):
        question = _("Replace all data and files with %(archive)s? [y/N] ") % {"archive": archive}
        if not yes and input(question).lower() not in ("y", "s"):
            raise CommandError(_("Restore cancelled; nothing was changed."))
        try:
            manifest = restore_backup(archive)
        except BackupError as error:
            raise CommandError(error) from error
        message = _("Restored the %(engine)s backup of %(created)s.")
        self.stdout.write(message % {"engine": manifest["engine"], "created": manifest["created"]})
        outdated = _(
            "Everything cached before the restore is outdated (content version %(version)s)."
        )
        self.stdout.write(outdated % {"version": manifest["content_version"]})
