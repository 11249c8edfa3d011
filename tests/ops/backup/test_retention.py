"""BACKUP_KEEP: after a successful backup only the newest archives stay."""

import io

from django.core.management import call_command

import pytest

from ops.backup.retention import archives, prune


def make_archives(folder, stamps, suffix=".tar.gz"):
    for stamp in stamps:
        (folder / f"procureplus-{stamp}{suffix}").write_bytes(b"x")


def test_prune_keeps_the_newest_and_leaves_other_files(tmp_path):
    make_archives(tmp_path, ["20260101T000000Z", "20260103T000000Z"])
    make_archives(tmp_path, ["20260102T000000Z"], suffix=".tar.gz.enc")
    (tmp_path / "procureplus-20250101T000000Z.tar.gz.part").write_bytes(b"unfinished")
    (tmp_path / "notes.txt").write_text("mine")
    removed = prune(tmp_path, keep=2)
    assert [path.name for path in removed] == ["procureplus-20260101T000000Z.tar.gz"]
    assert [path.name for path in archives(tmp_path)] == [
        "procureplus-20260102T000000Z.tar.gz.enc",
        "procureplus-20260103T000000Z.tar.gz",
    ]
    assert (tmp_path / "notes.txt").exists()
    assert prune(tmp_path, keep=0) == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the backup API needs it
def test_backup_command_removes_archives_beyond_backup_keep(tmp_path, settings):
    settings.BACKUP_KEEP = 2
    make_archives(tmp_path, ["20200101T000000Z", "20200102T000000Z", "20200103T000000Z"])
    out = io.StringIO()
    call_command("backup_portal", output=str(tmp_path), stdout=out)
    names = [path.name for path in archives(tmp_path)]
    assert names[0] == "procureplus-20200103T000000Z.tar.gz"
    assert len(names) == 2
    assert out.getvalue().count("procureplus-2020010") == 2
