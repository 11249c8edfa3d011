"""manage.py import_documents <folder> --csv <file> [--dry-run]: all rows or none."""

import logging

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from core.upload_storage import STORAGE_ERRORS
from documents.bulk_import import COLUMNS, Importer, Refused

BAR_WIDTH = 30
logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Imports the files of a folder into the library, with a CSV of their metadata "
        f"(columns: {', '.join(COLUMNS)}). Nothing is imported if any row is refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="Folder that holds the files named in the CSV.")
        parser.add_argument("--csv", required=True, help="CSV file, UTF-8, one row per file.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row and write nothing."
        )
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="Language of the messages.",
        )

    def handle(self, folder, csv, dry_run, language, **options):
        with translation.override(language):
            self.run(folder, csv, dry_run)

    def run(self, folder, csv_path, dry_run):
        try:
            importer = Importer(folder, csv_path)
            planned, refusals = importer.plan()
        except (Refused, OSError, UnicodeDecodeError) as error:
            raise CommandError(str(error)) from None
        for refusal in refusals:
            self.stderr.write(
                _("Line %(line)s refused: %(reason)s")
                % {"line": refusal.line, "reason": refusal.reason}
            )
        if refusals:
            raise CommandError(
                _("%(refused)s of %(total)s rows refused; nothing was imported.")
                % {"refused": len(refusals), "total": len(refusals) + len(planned)}
            )
        if dry_run:
            self.stdout.write(
                _("Dry run: all %(count)s rows are valid; nothing was written.")
                % {"count": len(planned)}
            )
            return
        try:
            count = importer.save(planned, progress=self.progress)
        except STORAGE_ERRORS:
            # Importer.save has rolled the rows back and removed the files it stored.
            logger.exception("Storage refused a file of the import")
            raise CommandError(
                _(
                    "The file storage refused a file: nothing was imported (no document, no"
                    " file). Check that the media folder or bucket is writable, then run the"
                    " import again."
                )
            ) from None
        self.stderr.write("")
        self.stdout.write(self.style.SUCCESS(_("Imported %(count)s documents.") % {"count": count}))

    def progress(self, done, total):
        filled = BAR_WIDTH * done // total
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        self.stderr.write(f"\r[{bar}] {done}/{total}", ending="")
        self.stderr.flush()
