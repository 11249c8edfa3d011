"""The uploaded files of a backup, read and written through Django's storage API, so a local
MEDIA_ROOT and S3-compatible object storage are backed up and restored the same way."""

import posixpath
import tarfile
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _

from .errors import BackupError

MEDIA_DIR = "media"


def stored_names(storage=None, folder=""):
    """Every file name in the storage, walking its folders (sorted, for a stable archive)."""
    storage = storage or default_storage
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a local MEDIA_ROOT that was never created holds nothing
        return []
    names = [posixpath.join(folder, name) for name in files]
    for child in folders:
        names += stored_names(storage, posixpath.join(folder, child))
    return sorted(names)


def add_files(tar, names, storage=None):
    """Streams each stored file into the open tar, one at a time (memory stays bounded)."""
    storage = storage or default_storage
    for name in names:
        with storage.open(name, "rb") as stored:
            member = tarfile.TarInfo(f"{MEDIA_DIR}/{name}")
            member.size = stored.size
            tar.addfile(member, stored)


def extracted_names(folder):
    media = Path(folder) / MEDIA_DIR
    if not media.is_dir():
        return []
    return sorted(path.relative_to(media).as_posix() for path in media.rglob("*") if path.is_file())


def replace_files(folder, names, storage=None):
    """Puts back exactly the backup's files: each is written anew, every other file removed.

    Folders left empty on a local disk stay (the storage API has no call to remove one)."""
    storage = storage or default_storage
    media = Path(folder) / MEDIA_DIR
    before = set(stored_names(storage))
    for name in names:
        if storage.exists(name):
            storage.delete(name)
        with open(media / name, "rb") as source:
            saved = storage.save(name, File(source, name=name))
        if saved != name:
            message = _("The storage saved %(name)s as %(saved)s; the restore stopped.")
            raise BackupError(message % {"name": name, "saved": saved})
    for name in sorted(before - set(names)):
        storage.delete(name)
