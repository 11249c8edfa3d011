"""A round trip gives back exactly the stored files, on a local folder and on S3 alike."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

import pytest

from documents.models import LibraryDocument
from ops.backup import create_backup, restore_backup
from ops.backup.files import stored_names
from tests.documents.factories import LibraryDocumentFactory


def contents(storage):
    return {name: storage.open(name).read() for name in stored_names(storage)}


def test_the_local_folder_and_the_bucket_are_the_storages_in_use(local_storage, s3_storage):
    # s3_storage's settings win: default_storage follows STORAGES as it changes.
    assert default_storage.__class__.__name__ == "S3Storage"
    assert default_storage.bucket_name.startswith("procureplus-")


def test_nested_folders_are_walked(storage):
    storage.save("images/originals/photo.png", ContentFile(b"png"))
    storage.save("documents/report.pdf", ContentFile(b"pdf"))
    storage.save("top.txt", ContentFile(b"txt"))
    expected = ["documents/report.pdf", "images/originals/photo.png", "top.txt"]
    assert stored_names(storage) == expected


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_puts_back_exactly_the_files_of_the_backup(storage, tmp_path):
    kept = LibraryDocumentFactory(title_pt="Relatório guardado")
    storage.save("images/originals/photo.png", ContentFile(b"original image"))
    before = contents(storage)
    archive, _removed = create_backup(tmp_path / "backups", key="")

    # After the backup: a document deleted with its file, a file overwritten, a new upload.
    kept.delete()
    storage.delete("images/originals/photo.png")
    storage.save("images/originals/photo.png", ContentFile(b"changed image"))
    LibraryDocumentFactory(title_pt="Criado depois")
    stray = storage.save("documents/uploaded-later.pdf", ContentFile(b"later"))
    assert stray in stored_names(storage)

    restore_backup(archive, key="")

    assert contents(storage) == before
    assert stray not in stored_names(storage)
    restored = LibraryDocument.objects.get()
    assert restored.title_pt == "Relatório guardado"
    assert restored.file.read() == before[restored.file.name]
