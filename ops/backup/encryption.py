"""Chunked AES-GCM encryption of a backup archive (format 2), so memory stays bounded at any
size and every chunk is bound to its archive and its place.

Layout: MAGIC, a random archive id, a key check, then chunks, each a flag (last chunk or not)
and a length before the chunk's ciphertext. The archive's keys come from BACKUP_ENCRYPTION_KEY
(a Fernet key, as before) through HKDF salted with the archive id; each chunk's nonce is its
index and its associated data the archive id, the index and the last-chunk flag. So:
- a wrong key fails the key check before anything is read: "wrong key";
- an archive that ends early (no last chunk, a chunk cut short): "truncated";
- a changed byte, chunks reordered, dropped, repeated or taken from another archive under
  the same key, or bytes after the last chunk: "corrupt".
Archives of format 1 (Fernet, encryption_v1.py) are still read.
Memory: a chunk and the cipher's copies of it (measured under 3 MiB), whatever the size.
"""

import base64
import hashlib
import hmac
import os
import struct

from django.utils.translation import gettext as _

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from . import encryption_v1
from .chunked import ChunkedReader
from .errors import BackupError

MAGIC = b"PROCUREPLUS-BACKUP-AESGCM-2\n"
ID_SIZE, CHECK_SIZE = 16, 32
CHUNK_SIZE = 256 * 1024
CHUNK = struct.Struct(">?I")  # last chunk, length of the ciphertext that follows
BINDING = struct.Struct(">Q?")  # chunk index, last chunk: with the archive id, associated data
NONCE = struct.Struct(">4xQ")  # the chunk index: unique under the archive's own key
MAX_CIPHERTEXT = CHUNK_SIZE + 16  # a chunk and its tag


def truncated():
    return BackupError(
        _(
            "This encrypted backup is truncated: it ends before its last part. Copy it "
            "again from where it is kept."
        )
    )


def corrupt():
    return BackupError(
        _(
            "This encrypted backup is corrupt: some of its bytes were changed, or parts of "
            "it were moved, dropped or taken from another backup."
        )
    )


def archive_keys(key, archive_id):
    """(the AES-GCM cipher, the key check) of one archive, from BACKUP_ENCRYPTION_KEY."""
    encryption_v1.fernet(key)  # the same clear refusal of a malformed key as before
    secret = base64.urlsafe_b64decode(key)
    derived = HKDF(
        algorithm=hashes.SHA256(), length=64, salt=archive_id, info=b"procureplus-backup-2"
    ).derive(secret)
    check = hmac.new(derived[32:], MAGIC + archive_id, hashlib.sha256).digest()
    return AESGCM(derived[:32]), check


def associated_data(archive_id, index, last):
    return MAGIC + archive_id + BINDING.pack(index, last)


def is_encrypted(path):
    with open(path, "rb") as file:
        start = file.read(max(len(MAGIC), len(encryption_v1.MAGIC)))
    return start.startswith((MAGIC, encryption_v1.MAGIC))


def open_encrypted(source, key):
    """A reader over an encrypted archive of either format."""
    magic = source.read(len(MAGIC))
    if magic == MAGIC:
        return DecryptingReader(source, key)
    if magic == encryption_v1.MAGIC:  # both magics have the same length
        return encryption_v1.DecryptingReader(source, key)
    raise BackupError(_("This file is not an encrypted backup of this portal."))


class EncryptingWriter:
    """A write-only file: what is written goes out encrypted, chunk by chunk; call close()."""

    def __init__(self, target, key):
        self.archive_id = os.urandom(ID_SIZE)
        self.cipher, check = archive_keys(key, self.archive_id)
        self.target, self.buffer, self.index = target, bytearray(), 0
        target.write(MAGIC + self.archive_id + check)

    def write(self, data):
        view = memoryview(data)
        while len(self.buffer) + len(view) > CHUNK_SIZE:  # the last bytes wait for close()
            taken = CHUNK_SIZE - len(self.buffer)
            self.buffer += view[:taken]
            view = view[taken:]
            self._emit(last=False)
        self.buffer += view
        return len(data)

    def close(self):
        self._emit(last=True)

    def _emit(self, last):
        aad = associated_data(self.archive_id, self.index, last)
        sealed = self.cipher.encrypt(NONCE.pack(self.index), bytes(self.buffer), aad)
        self.buffer.clear()
        self.target.write(CHUNK.pack(last, len(sealed)))
        self.target.write(sealed)
        self.index += 1


class DecryptingReader(ChunkedReader):
    """A read-only file over an archive of format 2, positioned after MAGIC. The key is checked
    and the first chunk read at once, so a wrong key or a damaged start is reported before
    anything is restored."""

    def __init__(self, source, key):
        self.source = source
        self.archive_id = self._exactly(ID_SIZE)
        self.cipher, check = archive_keys(key, self.archive_id)
        if not hmac.compare_digest(self._exactly(CHECK_SIZE), check):
            raise BackupError(_("BACKUP_ENCRYPTION_KEY does not open this backup: wrong key."))
        self.buffer, self.index, self.done = bytearray(), 0, False
        self._next_chunk()

    def _exactly(self, size):
        data = self.source.read(size)
        if len(data) < size:
            raise truncated()
        return data

    def _next_chunk(self):
        last, length = CHUNK.unpack(self._exactly(CHUNK.size))
        if length > MAX_CIPHERTEXT:
            raise corrupt()
        sealed = self._exactly(length)
        aad = associated_data(self.archive_id, self.index, last)
        try:
            self.buffer += self.cipher.decrypt(NONCE.pack(self.index), sealed, aad)
        except InvalidTag as error:
            raise corrupt() from error
        self.index, self.done = self.index + 1, last
        if last and self.source.read(1):
            raise corrupt()  # bytes after the last chunk: another archive's, or garbage
