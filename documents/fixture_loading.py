"""The library in fixtures/: documents.toml with files/, and webinars.toml."""

from django.core.files import File

from core.wagtail_internals import set_document_file_metadata
from documents.models import LibraryDocument, Webinar


def load(loader):
    load_documents(loader)
    load_webinars(loader)


def load_documents(loader):
    for item in loader.read("documents.toml").get("document", []):
        key = item["key"]
        if LibraryDocument.objects.filter(import_key=key).exists():
            loader.note(False, f"document {key}")
            continue
        path = loader.dir / "files" / item.get("file", f"{key}.pdf")
        if not path.exists():
            raise FileNotFoundError(
                f"{path} is missing: run `manage.py build_document_files` first."
            )
        fields = {k: v for k, v in item.items() if k not in {"key", "file", "format_of"}}
        if "format_of" in item:  # a second format (the ODT of a DOCX): listed below it
            fields["format_of"] = LibraryDocument.objects.get(import_key=item["format_of"])
        document = LibraryDocument(import_key=key, title=item["title_pt"], **fields)
        with path.open("rb") as handle:
            document.file.save(path.name, File(handle), save=False)
            set_document_file_metadata(document)
        document.save()
        loader.note(True, f"document {key}")


def load_webinars(loader):
    items = []
    for item in loader.read("webinars.toml").get("webinar", []):
        item = dict(item)
        item["starts_on"] = item.pop("date")
        if "slides" in item:
            item["slides"] = LibraryDocument.objects.get(import_key=item["slides"])
        items.append(item)
    loader.load_keyed(Webinar, items)
