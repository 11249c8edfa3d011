"""One backup archive: the database, every stored file and a manifest, in a .tar.gz,
encrypted when BACKUP_ENCRYPTION_KEY is set (.tar.gz.enc)."""

import json
import tarfile
import tempfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from .after_restore import invalidate_caches, version_before_restore
from .database import dump_database, engine, load_database
from .encryption import EncryptingWriter, is_encrypted, open_encrypted
from .errors import BackupError
from .files import add_files, extracted_names, replace_files, stored_names
from .permissions import open_private, private_folder
from .retention import PREFIX, prune

MANIFEST = "manifest.json"
READ_ERRORS = (tarfile.TarError, OSError, EOFError, ValueError, KeyError, zlib.error)


def create_backup(output_dir, key=None, keep=None):
    """Writes procureplus-<UTC time>.tar.gz(.enc) into output_dir, then removes archives older
    than the newest `keep` (BACKUP_KEEP). Returns the new archive's path and the removed ones."""
    key = settings.BACKUP_ENCRYPTION_KEY if key is None else key
    keep = settings.BACKUP_KEEP if keep is None else keep
    vendor = engine()
    output_dir = Path(output_dir)
    private_folder(output_dir)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    archive = output_dir / f"{PREFIX}{stamp}.tar.gz{'.enc' if key else ''}"
    partial = archive.with_name(archive.name + ".part")  # never taken for a finished backup
    try:
        with open_private(partial) as target:
            sink = EncryptingWriter(target, key) if key else target
            write_archive(sink, vendor, stamp)
            if key:
                sink.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.rename(archive)
    return archive, prune(output_dir, keep)


def write_archive(sink, vendor, stamp):
    names = stored_names()
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(fileobj=sink, mode="w|gz") as tar:
        folder = Path(tmp)
        database_file = dump_database(folder)
        manifest = {"engine": vendor, "created": stamp, "database": database_file}
        manifest["files"] = len(names)
        (folder / MANIFEST).write_text(json.dumps(manifest))
        tar.add(folder / MANIFEST, MANIFEST)
        tar.add(folder / database_file, database_file)
        add_files(tar, names)


def restore_backup(archive, key=None):
    """Replaces the database and the stored files with exactly those of the archive, then
    outdates everything cached before (content version past both, caches cleared)."""
    key = settings.BACKUP_ENCRYPTION_KEY if key is None else key
    vendor = engine()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        manifest = extract(archive, folder, key)
        if manifest.get("engine") != vendor:
            message = _("This backup holds a %(backup)s database; this portal runs on %(vendor)s.")
            raise BackupError(message % {"backup": manifest.get("engine"), "vendor": vendor})
        names = extracted_names(folder)
        if manifest.get("files", len(names)) != len(names):
            message = _("%(archive)s is incomplete: files are missing.")
            raise BackupError(message % {"archive": archive})
        version_before = version_before_restore()
        load_database(folder, vendor)
        replace_files(folder, names)
    manifest["content_version"] = invalidate_caches(version_before)
    return manifest


def extract(archive, folder, key):
    """Unpacks the archive into folder (decrypting it on the way) and returns its manifest."""
    not_a_backup = _("%(archive)s is not a backup of this portal: %(error)s")
    try:
        with open(archive, "rb") as source:
            if is_encrypted(archive):
                if not key:
                    raise BackupError(
                        _("%(archive)s is encrypted: set BACKUP_ENCRYPTION_KEY to its key.")
                        % {"archive": archive}
                    )
                source = open_encrypted(source, key)
            with tarfile.open(fileobj=source, mode="r|gz") as tar:
                tar.extractall(folder, filter="data")  # refuses absolute paths and links out
        return json.loads((folder / MANIFEST).read_text())
    except READ_ERRORS as error:
        raise BackupError(not_a_backup % {"archive": archive, "error": error}) from error
