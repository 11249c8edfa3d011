"""Backups are private (0600 archives in a 0700 folder), and a restore, by the command as in
the drill, leaves nothing cached from before it."""

import io
import logging
import stat

from django.core.cache import cache
from django.core.management import call_command

from wagtail.models import Page

import pytest

from core.models import ContentVersion
from ops.backup import create_backup, restore_backup


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("key", ["", "encrypted"])
def test_a_new_folder_is_0700_and_the_archive_0600(homes, tmp_path, key):
    from cryptography.fernet import Fernet

    folder = tmp_path / "new" / "backups"
    archive, _removed = create_backup(folder, key=Fernet.generate_key().decode() if key else "")
    assert mode(folder) == 0o700
    assert mode(archive) == 0o600


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_existing_open_folder_is_narrowed_and_logged(homes, tmp_path, caplog):
    folder = tmp_path / "backups"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    with caplog.at_level(logging.WARNING, logger="ops.backup.permissions"):
        archive, _removed = create_backup(folder)
    assert mode(folder) == 0o700
    assert mode(archive) == 0o600
    assert "was 755; changed to 0700" in caplog.text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_wide_umask_still_gives_a_private_archive(homes, tmp_path):
    import os

    old = os.umask(0)
    try:
        archive, _removed = create_backup(tmp_path / "b")
    finally:
        os.umask(old)
    assert mode(archive) == 0o600


def set_title(page, title):
    """An editor's change: the page's row and the content version, as a publish does."""
    Page.objects.filter(pk=page.pk).update(title=title)
    ContentVersion.bump()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_no_page_cached_before_a_restore_is_served_after_it(client, homes, tmp_path, settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    archive, _removed = create_backup(tmp_path)  # the home page is "Início" here
    set_title(homes["pt"], "Editado")
    assert "Editado" in client.get("/pt/").content.decode()
    assert client.get("/pt/")["X-Page-Cache"] == "hit"  # cached under the new version

    restore_backup(archive)
    assert "Início" in client.get("/pt/").content.decode()
    # The next edit must not land on a version the old page was cached under.
    set_title(homes["pt"], "Outro")
    served = client.get("/pt/").content.decode()
    assert "Outro" in served and "Editado" not in served


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_restore_command_moves_the_version_past_both_and_clears_fragments(homes, tmp_path):
    ContentVersion.bump()
    archive, _removed = create_backup(tmp_path)
    restored = ContentVersion.stored()
    for _ in range(3):
        ContentVersion.bump()
    before = ContentVersion.current()
    cache.set(f"value:{before}:menu", "stale menu", 600)
    out = io.StringIO()
    call_command("restore_portal", str(archive), yes=True, stdout=out)
    assert ContentVersion.current() == max(restored, before) + 1
    assert cache.get(f"value:{before}:menu") is None
    assert str(before + 1) in out.getvalue()
