"""make backup / make restore: a round trip gives back the database and the files exactly."""

import io
import tarfile

from django.core.management import CommandError, call_command
from django.utils import translation

from wagtail.models import Page

import pytest

from documents.models import LibraryDocument
from ops.backup import create_backup, restore_backup
from search.models import SearchEntry
from tests.documents.factories import LibraryDocumentFactory


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_then_restore_gives_everything_back(homes, tmp_path):
    kept = LibraryDocumentFactory(title_pt="Relatório guardado")
    original_bytes = kept.file.read()
    entries = SearchEntry.objects.count()
    archive, _removed = create_backup(tmp_path)

    # Everything that can go wrong afterwards: an edit, a deletion, a lost file, a new record.
    Page.objects.filter(pk=homes["pt"].pk).update(title="Editado por engano")
    file_path = kept.file.path
    kept.delete()
    LibraryDocumentFactory(title_pt="Criado depois")
    assert not LibraryDocument.objects.filter(title_pt="Relatório guardado").exists()

    restore_backup(archive)

    assert Page.objects.get(pk=homes["pt"].pk).title == "Início"
    restored = LibraryDocument.objects.get()
    assert restored.title_pt == "Relatório guardado"
    assert restored.file.path == file_path
    assert restored.file.read() == original_bytes
    assert SearchEntry.objects.count() == entries


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_commands_write_and_read_an_archive(homes, tmp_path):
    call_command("backup_portal", output=str(tmp_path), stdout=io.StringIO())
    (archive,) = tmp_path.glob("procureplus-*.tar.gz")
    Page.objects.filter(pk=homes["en"].pk).update(title="Changed")
    out = io.StringIO()
    translation.deactivate()  # as under manage.py: no language active (an earlier test's may be)
    call_command("restore_portal", str(archive), yes=True, stdout=out)
    assert "Restaurada" in out.getvalue()  # the operator's LANGUAGE_CODE, pt
    assert "Tudo o que estava em cache antes do restauro ficou desatualizado" in out.getvalue()
    assert Page.objects.get(pk=homes["en"].pk).title == "Home"


@pytest.mark.django_db
def test_a_file_that_is_not_a_backup_is_refused(tmp_path):
    bogus = tmp_path / "bogus.tar.gz"
    with tarfile.open(bogus, "w:gz") as tar:
        payload = b"x"
        member = tarfile.TarInfo("../../outside.txt")
        member.size = len(payload)
        tar.addfile(member, io.BytesIO(payload))
    with translation.override("en"), pytest.raises(CommandError, match="is not a backup"):
        call_command("restore_portal", str(bogus), yes=True)
    assert not (tmp_path.parent.parent / "outside.txt").exists()
