"""The metadata sheets shipped for documents whose original file the project does not have."""

import io
import shutil

from django.conf import settings
from django.core.management import call_command

from documents.editable_templates import built_files
from documents.sheets import NOTICE, plain

FIXTURES = settings.BASE_DIR / "fixtures"


def test_shipped_sheets_are_what_the_command_builds(tmp_path):
    shutil.copy(FIXTURES / "documents.toml", tmp_path / "documents.toml")
    call_command("build_document_files", fixtures=tmp_path, stdout=io.StringIO())
    built = sorted(path.name for path in (tmp_path / "files").iterdir())
    templates = built_files(FIXTURES / "templates")  # the editable templates: their own build
    shipped = (path.name for path in (FIXTURES / "files").iterdir() if path.name not in templates)
    assert built == sorted(shipped)
    for name in built:
        assert (tmp_path / "files" / name).read_bytes() == (FIXTURES / "files" / name).read_bytes()


def test_each_sheet_says_the_original_is_not_available_in_both_languages():
    for path in (FIXTURES / "files").glob("*.pdf"):
        content = path.read_bytes()
        assert content.startswith(b"%PDF-")
        for code in ("pt", "en"):
            first_words = plain(NOTICE[code]).split(".")[0]
            assert first_words.encode("latin-1") in content, (path.name, code)
