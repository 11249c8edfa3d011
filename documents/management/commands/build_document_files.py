import tomllib
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from documents.models import LibraryDocument
from documents.sheets import metadata_sheet


def labels(choices):
    """{code: {"pt": label, "en": label}} for a TextChoices class."""
    result = {}
    for code in ("pt", "en"):
        with translation.override(code):
            for value, label in choices.choices:
                result.setdefault(value, {})[code] = str(label)
    return result


class Command(BaseCommand):
    help = (
        "Write fixtures/files/<key>.pdf, a sheet describing the document, for each entry of "
        "fixtures/documents.toml that has no original file (marked generated = true)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fixtures", type=Path, default=settings.BASE_DIR / "fixtures")

    def handle(self, *args, fixtures, **options):
        entries = tomllib.loads((fixtures / "documents.toml").read_text("utf-8"))["document"]
        categories = labels(LibraryDocument.Category)
        languages = labels(LibraryDocument.FileLanguage)
        folder = fixtures / "files"
        folder.mkdir(exist_ok=True)
        written = 0
        for entry in entries:
            if entry.get("file"):  # an original file is shipped; nothing to generate
                continue
            (folder / f"{entry['key']}.pdf").write_bytes(
                metadata_sheet(entry, categories, languages)
            )
            written += 1
        self.stdout.write(self.style.SUCCESS(f"Wrote {written} document sheets to {folder}."))
