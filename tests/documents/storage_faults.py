"""Storages that refuse every file, as a read-only folder, a full disk or lost rights would,
and what an editor sends and is told when theirs refuses an upload."""

import errno
import io

from django.core.files.storage import FileSystemStorage

from PIL import Image as PillowImage

MESSAGE = {
    "en": "The file could not be stored: the server&#x27;s file storage refused it.",
    "pt": "Não foi possível guardar o ficheiro: o armazenamento de ficheiros do servidor",
}
# The document add form's fields besides the file, as an editor fills them in.
DOCUMENT_FIELDS = {
    "title_pt": "Relatório guardado à mão",
    "title_en": "Hand-kept report",
    "category": "workshop_report",
    "file_language": "pt",
    "collection": "1",
}


class RefusingStorage(FileSystemStorage):
    def _save(self, name, content):
        raise PermissionError(errno.EACCES, "Permission denied", name)


class FullStorage(FileSystemStorage):
    def _save(self, name, content):
        raise OSError(errno.ENOSPC, "No space left on device", name)


def storages(backend):
    return {
        "default": {"BACKEND": f"tests.documents.storage_faults.{backend}"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def png():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (4, 4), "orange").save(buffer, "PNG")
    return buffer.getvalue()
