"""Encrypted backups: a round trip with the key, a clear refusal without it or with another,
and a bounded memory whatever the archive's size."""

import io
import tracemalloc

from django.core.management import CommandError, call_command
from django.utils import translation

from wagtail.models import Page

import pytest
from cryptography.fernet import Fernet

from ops.backup import BackupError, create_backup, encryption, restore_backup
from ops.backup.encryption import EncryptingWriter, open_encrypted

KEY = Fernet.generate_key().decode()


def encrypt(data, key=KEY):
    target = io.BytesIO()
    writer = EncryptingWriter(target, key)
    writer.write(data)
    writer.close()
    return target.getvalue()


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(encryption, "CHUNK_SIZE", 16)


@pytest.mark.parametrize("size", [0, 1, 16, 17, 100])
def test_chunks_decrypt_to_the_same_bytes(small_chunks, size):
    data = bytes(range(256))[:size]
    reader = open_encrypted(io.BytesIO(encrypt(data)), KEY)
    assert reader.read(7) + reader.read() == data


def test_the_plain_text_does_not_show():
    assert b"confidential report" not in encrypt(b"confidential report")


def test_a_cut_off_archive_is_refused(small_chunks):
    sealed = encrypt(b"x" * 100)
    reader = open_encrypted(io.BytesIO(sealed[:-10]), KEY)
    with translation.override("en"), pytest.raises(BackupError, match="truncated"):
        reader.read()


def test_a_wrong_or_invalid_key_is_refused_at_once():
    sealed = encrypt(b"secret")
    with translation.override("en"), pytest.raises(BackupError, match="wrong key"):
        open_encrypted(io.BytesIO(sealed), Fernet.generate_key())
    with translation.override("en"), pytest.raises(BackupError, match="not a valid Fernet key"):
        open_encrypted(io.BytesIO(sealed), "not-a-key")


def test_memory_stays_bounded_while_encrypting_and_decrypting(tmp_path):
    block, sealed = b"\0" * (256 * 1024), tmp_path / "sealed"
    tracemalloc.start()
    with open(sealed, "wb") as sink:
        writer = EncryptingWriter(sink, KEY)
        for _ in range(128):  # 32 MiB through, a quarter MiB at a time
            writer.write(block)
        writer.close()
    _current, write_peak = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    with open(sealed, "rb") as source:
        reader = open_encrypted(source, KEY)
        while reader.read(256 * 1024):
            pass
    _current, read_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert sealed.stat().st_size > 32 * 1024 * 1024
    assert write_peak < 3 * 1024 * 1024
    assert read_peak < 3 * 1024 * 1024


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_encrypted_backup_restores_with_its_key(homes, tmp_path, settings):
    settings.BACKUP_ENCRYPTION_KEY = KEY
    archive, _removed = create_backup(tmp_path)
    assert archive.name.endswith(".tar.gz.enc")
    assert archive.read_bytes().startswith(encryption.MAGIC)
    Page.objects.filter(pk=homes["pt"].pk).update(title="Editado por engano")
    restore_backup(archive)
    assert Page.objects.get(pk=homes["pt"].pk).title == "Início"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the backup API needs it
@pytest.mark.parametrize(
    ("language", "missing", "wrong"),
    [
        ("en", "is encrypted: set BACKUP_ENCRYPTION_KEY", "does not open this backup"),
        ("pt", "está cifrada: defina BACKUP_ENCRYPTION_KEY", "não abre esta cópia"),
    ],
)
def test_restore_without_the_key_says_so_in_both_languages(
    homes, tmp_path, settings, language, missing, wrong
):
    archive, _removed = create_backup(tmp_path, key=KEY)
    settings.BACKUP_ENCRYPTION_KEY = ""
    with translation.override(language), pytest.raises(CommandError, match=missing):
        call_command("restore_portal", str(archive), yes=True)
    settings.BACKUP_ENCRYPTION_KEY = Fernet.generate_key().decode()
    with translation.override(language), pytest.raises(CommandError, match=wrong):
        call_command("restore_portal", str(archive), yes=True)
    assert Page.objects.get(pk=homes["pt"].pk).title == "Início"
