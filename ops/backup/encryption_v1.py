"""The first encrypted format (read only: archives written before the second format, kept
readable by restore). New archives are written by encryption.py.

Chunked Fernet encryption of a backup archive, so memory stays bounded at any size.

Fernet encrypts one message at a time, so the archive is cut into chunks of CHUNK_SIZE bytes,
each a Fernet token behind its 4-byte length. Each chunk's plaintext starts with its index
and a last-chunk flag: a reordered, repeated or cut-off archive is refused, not half restored.
Memory: a chunk and Fernet's copies of it (measured under 3 MiB), whatever the size.
"""

import struct

from django.utils.translation import gettext as _

from cryptography.fernet import Fernet, InvalidToken

from .chunked import ChunkedReader
from .errors import BackupError

MAGIC = b"PROCUREPLUS-BACKUP-FERNET-1\n"
LENGTH = struct.Struct(">I")
HEADER = struct.Struct(">Q?")  # chunk index, last chunk
MAX_TOKEN = 2 * 1024 * 1024  # a token is base64 of the chunk plus 57 bytes, well under this


def fernet(key):
    """The key as Fernet takes it, or a clear refusal (also used to check the key of format 2)."""
    try:
        return Fernet(key)
    except (ValueError, TypeError) as error:
        raise BackupError(
            _(
                "BACKUP_ENCRYPTION_KEY is not a valid Fernet key (32 url-safe base64-encoded "
                'bytes); make one with: python -c "from cryptography.fernet import Fernet; '
                'print(Fernet.generate_key().decode())"'
            )
        ) from error


class DecryptingReader(ChunkedReader):
    """A read-only file over an encrypted archive; the first chunk is checked at once, so a
    wrong key is reported before anything is read or changed."""

    def __init__(self, source, key):
        """source: positioned after MAGIC (encryption.open_encrypted read it)."""
        self.source, self.fernet = source, fernet(key)
        self.buffer, self.index, self.done = bytearray(), 0, False
        self._next_chunk()

    def _next_chunk(self):
        damaged = BackupError(_("This encrypted backup is damaged or incomplete."))
        length = self.source.read(LENGTH.size)
        if len(length) < LENGTH.size or LENGTH.unpack(length)[0] > MAX_TOKEN:
            raise damaged
        token = self.source.read(LENGTH.unpack(length)[0])
        try:
            plain = self.fernet.decrypt(token)
        except InvalidToken as error:
            if self.index == 0:
                wrong_key = _("BACKUP_ENCRYPTION_KEY does not open this backup: wrong key.")
                raise BackupError(wrong_key) from error
            raise damaged from error
        index, last = HEADER.unpack_from(plain)
        if index != self.index:
            raise damaged
        self.buffer += plain[HEADER.size :]
        self.index, self.done = index + 1, last
