"""Backups hold password hashes, TOTP keys, recovery codes, requests and subscribers: each
archive is readable by its owner only (0600), in a folder only its owner may open (0700)."""

import logging
import os
import stat

logger = logging.getLogger(__name__)
FOLDER_MODE, FILE_MODE = 0o700, 0o600


def private_folder(folder):
    """Creates the folder 0700, or narrows an existing one to 0700 (and logs it)."""
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    mode = stat.S_IMODE(folder.stat().st_mode)
    if mode == FOLDER_MODE:
        return
    try:
        folder.chmod(FOLDER_MODE)
    except OSError:
        # The archives themselves stay 0600: the backup goes on, the operator is told.
        logger.exception("Backup folder %s is %o and cannot be made 0700", folder, mode)
        return
    logger.warning("Backup folder %s was %o; changed to 0700", folder, mode)


def open_private(path):
    """A new file open for writing, 0600 whatever the umask; refuses to reuse an existing one."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.fchmod(descriptor, FILE_MODE)  # O_CREAT's mode passes through the umask only to narrow
    return os.fdopen(descriptor, "wb")
