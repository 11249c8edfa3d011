"""A folder that really refuses new files to this user, as a read-only volume does.

Root writes through permission bits, so as root the folder and everything in it are made
immutable (`chattr +i`, which refuses root too); otherwise the folders' write bits are taken.
A file system that supports neither (no chattr, tmpfs) yields None: the caller then refuses
writes another way, never by skipping quietly.
"""

import os
import shutil
import stat
import subprocess
from contextlib import contextmanager
from pathlib import Path

READ_AND_ENTER = stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP


def refuses_new_files(folder):
    probe = Path(folder) / ".write-probe"
    try:
        probe.touch(exist_ok=False)
    except OSError:
        return True
    probe.unlink()
    return False


def folders(top):
    return [Path(top), *(Path(path) for path, _dirs, _files in os.walk(top) if path != str(top))]


@contextmanager
def immutable(folder):
    chattr = shutil.which("chattr")
    if not chattr:
        yield
        return
    subprocess.run([chattr, "-R", "+i", str(folder)], capture_output=True)
    try:
        yield
    finally:  # an immutable file cannot even be deleted: the temporary folder's cleanup needs this
        subprocess.run([chattr, "-R", "-i", str(folder)], capture_output=True)


@contextmanager
def without_write_bits(folder):
    modes = {path: path.stat().st_mode for path in folders(folder)}
    for path in modes:
        path.chmod(READ_AND_ENTER)
    try:
        yield
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


@contextmanager
def read_only(folder):
    """Yields the folder while no new file can be written in it or below it, or None."""
    lock = immutable if os.geteuid() == 0 else without_write_bits
    with lock(folder):
        yield folder if all(refuses_new_files(path) for path in folders(folder)) else None
