from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from documents.editable_templates import built_files


class Command(BaseCommand):
    help = (
        "Build fixtures/files/template-<name>-<language>.docx and .odt from the sources in "
        "fixtures/templates/ (<name>.pt.md, <name>.en.md). With --check, only report files "
        "that differ from what the sources build."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fixtures", type=Path, default=settings.BASE_DIR / "fixtures")
        parser.add_argument("--check", action="store_true")

    def handle(self, *args, fixtures, check, **options):
        try:
            files = built_files(fixtures / "templates")
        except ValueError as error:
            raise CommandError(str(error)) from error
        folder = fixtures / "files"
        if check:
            stale = [
                name
                for name, data in files.items()
                if not (folder / name).exists() or (folder / name).read_bytes() != data
            ]
            if stale:
                raise CommandError(
                    "Out of date (run `manage.py build_templates`): " + ", ".join(stale)
                )
            self.stdout.write(self.style.SUCCESS(f"{len(files)} template files up to date."))
            return
        for name, data in files.items():
            (folder / name).write_bytes(data)
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(files)} template files to {folder}."))
