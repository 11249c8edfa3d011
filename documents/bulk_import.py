"""Reads a folder of files and a CSV of their metadata; imports every row or none of them.

Each row is checked before anything is written: the file exists in the folder and passes the
upload checks, both titles are there, category, language, year and date are valid, the
collection exists, and the file is neither listed twice nor already in the library.
"""

import csv
import datetime
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

from core.wagtail_internals import set_document_file_metadata
from documents.file_checks import check_upload
from documents.models import LibraryDocument

COLUMNS = (
    "filename",
    "title_pt",
    "title_en",
    "description_pt",
    "description_en",
    "category",
    "file_language",
    "year",
    "date",
    "collection",
)
REQUIRED_COLUMNS = ("filename", "title_pt", "title_en")
EARLIEST_YEAR = 1900


class Refused(Exception):
    """A row that cannot be imported; the message says why, in the active language."""


@dataclass
class Planned:
    line: int
    path: Path
    fields: dict


@dataclass
class Refusal:
    line: int
    reason: str


def missing_columns(header):
    return [name for name in REQUIRED_COLUMNS if name not in (header or [])]


def read_rows(csv_path):
    """(line number, row) pairs; the header is line 1, and cells lose surrounding spaces."""
    with open(csv_path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames
        rows = []
        for row in reader:
            cleaned = {key: (value or "").strip() for key, value in row.items() if key}
            rows.append((reader.line_num, cleaned))
    return header, rows


def file_hash(path):
    """The same hash Wagtail stores in `file_hash`, so files already in the library are found."""
    with open(path, "rb") as handle:
        return hash_filelike(handle)


def choice(value, choices, default, message):
    if not value:
        return default
    if value not in choices.values:
        raise Refused(message % {"value": value, "allowed": ", ".join(choices.values)})
    return value


def year_and_date(row):
    year, date = row.get("year", ""), row.get("date", "")
    this_year = datetime.date.today().year
    parsed_year = None
    if year:
        if not year.isdigit() or not EARLIEST_YEAR <= int(year) <= this_year + 1:
            raise Refused(
                _("The year “%(value)s” is not a year between %(first)s and %(last)s.")
                % {"value": year, "first": EARLIEST_YEAR, "last": this_year + 1}
            )
        parsed_year = int(year)
    parsed_date = None
    if date:
        try:
            parsed_date = datetime.date.fromisoformat(date)
        except ValueError:
            raise Refused(
                _("The date “%(value)s” is not a date written as YYYY-MM-DD.") % {"value": date}
            ) from None
        if parsed_year and parsed_year != parsed_date.year:
            raise Refused(_("The year and the date disagree."))
    return parsed_year or (parsed_date.year if parsed_date else None), parsed_date


class Importer:
    def __init__(self, folder, csv_path):
        self.folder = Path(folder)
        self.csv_path = Path(csv_path)
        self.collections = {c.name: c for c in Collection.objects.all()}
        self.root_collection = Collection.get_first_root_node()
        self.seen_names = set()
        self.seen_hashes = set()
        self.known_hashes = set(
            LibraryDocument.objects.exclude(file_hash="").values_list("file_hash", flat=True)
        )

    def plan(self):
        """(rows to import, refusals); raises Refused when the CSV itself cannot be used."""
        header, rows = read_rows(self.csv_path)
        missing = missing_columns(header)
        if missing:
            raise Refused(_("The CSV has no column %(columns)s.") % {"columns": ", ".join(missing)})
        planned, refusals = [], []
        for line, row in rows:
            try:
                planned.append(self.check(line, row))
            except Refused as refusal:
                refusals.append(Refusal(line, str(refusal)))
        return planned, refusals

    def check(self, line, row):
        path = self.file_path(row.get("filename", ""))
        for code, message in (
            ("pt", _("The Portuguese title is missing.")),
            ("en", _("The English title is missing.")),
        ):
            if not row.get(f"title_{code}"):
                raise Refused(message)
        category = choice(
            row.get("category"),
            LibraryDocument.Category,
            LibraryDocument.Category.PROJECT_FILE,
            _("The category “%(value)s” does not exist. Categories: %(allowed)s."),
        )
        file_language = choice(
            row.get("file_language"),
            LibraryDocument.FileLanguage,
            LibraryDocument.FileLanguage.PT,
            _("The file language “%(value)s” does not exist. Languages: %(allowed)s."),
        )
        year, date = year_and_date(row)
        collection = self.collection(row.get("collection", ""))
        self.check_file(path)
        return Planned(
            line,
            path,
            {
                "title": row["title_pt"],
                "title_pt": row["title_pt"],
                "title_en": row["title_en"],
                "description_pt": row.get("description_pt", ""),
                "description_en": row.get("description_en", ""),
                "category": category,
                "file_language": file_language,
                "published_year": year,
                "published_on": date,
                "collection": collection,
            },
        )

    def file_path(self, name):
        if not name:
            raise Refused(_("The file name is missing."))
        path = self.folder / name
        # Only a plain name of a file in the folder: no path that leads elsewhere.
        if Path(name).name != name or not path.is_file():
            raise Refused(_("The file “%(name)s” is not in the folder.") % {"name": name})
        if name in self.seen_names:
            raise Refused(_("The file “%(name)s” is listed twice.") % {"name": name})
        self.seen_names.add(name)
        return path

    def collection(self, name):
        if not name:
            return self.root_collection
        if name not in self.collections:
            raise Refused(_("The collection “%(name)s” does not exist.") % {"name": name})
        return self.collections[name]

    def check_file(self, path):
        with open(path, "rb") as handle:
            try:
                check_upload(File(handle, name=path.name))
            except ValidationError as error:
                raise Refused(" ".join(error.messages)) from None
        digest = file_hash(path)
        if digest in self.known_hashes:
            raise Refused(_("The library already holds this file."))
        if digest in self.seen_hashes:
            raise Refused(_("The same file is listed twice under another name."))
        self.seen_hashes.add(digest)

    def save(self, planned, progress=None):
        """Creates every document in one transaction; on any failure removes the files stored."""
        stored = []
        try:
            with transaction.atomic():
                for done, item in enumerate(planned, start=1):
                    document = LibraryDocument(**item.fields)
                    with open(item.path, "rb") as handle:
                        document.file.save(item.path.name, File(handle), save=False)
                    stored.append((document.file.storage, document.file.name))
                    set_document_file_metadata(document)
                    document.save()  # its search entries follow through post_save
                    document.file.close()
                    if progress:
                        progress(done, len(planned))
        except BaseException:
            for storage, name in stored:
                storage.delete(name)
            raise
        return len(planned)
