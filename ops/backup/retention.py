"""Keeps the newest archives of a backup folder and removes the older ones."""

from pathlib import Path

PREFIX = "procureplus-"
SUFFIXES = (".tar.gz", ".tar.gz.enc")


def archives(folder):
    """The folder's finished archives, oldest first (their names start with a UTC time)."""
    found = Path(folder).glob(f"{PREFIX}*")
    return sorted(path for path in found if path.name.endswith(SUFFIXES) and path.is_file())


def prune(folder, keep):
    """Removes all but the newest `keep` archives (0 keeps all) and returns what it removed."""
    if keep <= 0:
        return []
    old = archives(folder)[:-keep]
    for path in old:
        path.unlink()
    return old
