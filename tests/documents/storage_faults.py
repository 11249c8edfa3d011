"""Storages that refuse every file, as a read-only folder, a full disk or lost rights would."""

import errno

from django.core.files.storage import FileSystemStorage


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
