"""Backups of the database and of every stored file (local MEDIA_ROOT or S3-compatible
storage), optionally encrypted, with a retention count. Self-contained: it names no app."""

from .archive import create_backup, restore_backup
from .errors import BackupError

__all__ = ["BackupError", "create_backup", "restore_backup"]
