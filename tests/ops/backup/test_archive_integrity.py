"""Encrypted archives of format 2: truncation, corruption and a wrong key are told apart, and
each chunk is bound to its archive and its place; archives of format 1 still restore."""

import io
import struct

from django.utils import translation

import pytest
from cryptography.fernet import Fernet

from ops.backup import BackupError, encryption
from ops.backup.encryption import CHECK_SIZE, CHUNK, ID_SIZE, MAGIC, open_encrypted
from tests.ops.backup.test_encryption import KEY, encrypt

HEADER = len(MAGIC) + ID_SIZE + CHECK_SIZE


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch):
    monkeypatch.setattr(encryption, "CHUNK_SIZE", 16)


def chunks(sealed):
    """The archive's header and its chunks, each with its flag and length."""
    parts, at = [], HEADER
    while at < len(sealed):
        _last, length = CHUNK.unpack_from(sealed, at)
        parts.append(sealed[at : at + CHUNK.size + length])
        at += CHUNK.size + length
    return sealed[:HEADER], parts


def read_all(sealed, key=KEY):
    with translation.override("en"):
        return open_encrypted(io.BytesIO(sealed), key).read()


DATA = bytes(range(100))  # seven chunks of 16 bytes at most


def test_a_round_trip_gives_the_same_bytes():
    assert read_all(encrypt(DATA)) == DATA


@pytest.mark.parametrize(
    "cut",
    [
        len(MAGIC) + 5,  # inside the archive id
        HEADER - 3,  # inside the key check
        HEADER + 2,  # inside the first chunk's flag and length
        HEADER + CHUNK.size + 7,  # inside the first chunk
        -1,  # the last byte of the last chunk
    ],
)
def test_a_cut_anywhere_is_reported_as_truncated(cut):
    with pytest.raises(BackupError, match="truncated"):
        read_all(encrypt(DATA)[:cut])


def test_whole_chunks_missing_at_the_end_is_truncated_not_corrupt():
    header, parts = chunks(encrypt(DATA))
    with pytest.raises(BackupError, match="truncated"):
        read_all(header + b"".join(parts[:3]))


@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_a_changed_byte_is_corrupt_not_a_wrong_key(where):
    header, parts = chunks(encrypt(DATA))
    index = {"first": 0, "middle": 3, "last": len(parts) - 1}[where]
    damaged = bytearray(parts[index])
    damaged[-1] ^= 0x01
    parts[index] = bytes(damaged)
    with pytest.raises(BackupError, match="corrupt"):
        read_all(header + b"".join(parts))


def test_a_changed_last_chunk_flag_is_corrupt():
    header, parts = chunks(encrypt(DATA))
    flipped = CHUNK.pack(True, CHUNK.unpack_from(parts[2])[1]) + parts[2][CHUNK.size :]
    with pytest.raises(BackupError, match="corrupt"):
        read_all(header + b"".join([*parts[:2], flipped]))


@pytest.mark.parametrize(
    "rearrange",
    [
        lambda p: [p[1], p[0], *p[2:]],  # two chunks swapped
        lambda p: [p[0], *p[2:]],  # one dropped from the middle
        lambda p: [p[0], p[0], *p[1:]],  # one repeated
        lambda p: [*p, p[-1]],  # the last one again after the end
    ],
    ids=["swapped", "dropped", "repeated", "appended"],
)
def test_reordered_dropped_or_repeated_chunks_are_corrupt(rearrange):
    header, parts = chunks(encrypt(DATA))
    with pytest.raises(BackupError, match="corrupt"):
        read_all(header + b"".join(rearrange(parts)))


def test_chunks_of_another_archive_under_the_same_key_are_corrupt():
    header_a, parts_a = chunks(encrypt(DATA))
    _header_b, parts_b = chunks(encrypt(DATA))  # the same bytes, the same key, another archive
    mixed = [parts_a[0], parts_b[1], *parts_a[2:]]
    with pytest.raises(BackupError, match="corrupt"):
        read_all(header_a + b"".join(mixed))


def test_a_wrong_key_is_told_apart_from_damage():
    with pytest.raises(BackupError, match="wrong key"):
        read_all(encrypt(DATA), key=Fernet.generate_key())


@pytest.mark.parametrize(
    ("language", "truncated", "corrupt"),
    [("en", "is truncated", "is corrupt"), ("pt", "está truncada", "está corrompida")],
)
def test_the_reasons_in_both_languages(language, truncated, corrupt):
    sealed = encrypt(DATA)
    header, parts = chunks(sealed)
    with translation.override(language):
        with pytest.raises(BackupError, match=truncated):
            open_encrypted(io.BytesIO(sealed[:-1]), KEY).read()
        with pytest.raises(BackupError, match=corrupt):
            open_encrypted(io.BytesIO(header + parts[1] + parts[0]), KEY).read()


def format_1(data, key=KEY, chunk_size=16):
    """An archive as the first format wrote it (Fernet tokens with index and last flag)."""
    fernet, out = Fernet(key), io.BytesIO()
    out.write(b"PROCUREPLUS-BACKUP-FERNET-1\n")
    pieces = [data[i : i + chunk_size] for i in range(0, len(data), chunk_size)] or [b""]
    for index, piece in enumerate(pieces):
        token = fernet.encrypt(struct.pack(">Q?", index, index == len(pieces) - 1) + piece)
        out.write(struct.pack(">I", len(token)) + token)
    return out.getvalue()


def test_archives_of_the_first_format_are_still_read():
    assert read_all(format_1(DATA)) == DATA
    with pytest.raises(BackupError, match="wrong key"):
        read_all(format_1(DATA), key=Fernet.generate_key())
