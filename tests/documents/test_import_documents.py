"""import_documents: every row checked first; all rows imported in one go, or none."""

import csv
from unittest import mock

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from wagtail.models import Collection

import pytest

from documents.models import LibraryDocument
from search.models import SearchEntry
from tests.documents import active_files
from tests.documents.factories import LibraryDocumentFactory

HEADER = [
    "filename",
    "title_pt",
    "title_en",
    "description_pt",
    "description_en",
    "category",
    "file_language",
    "year",
    "date",
    "collection",
]


def row(filename, **values):
    base = {
        "filename": filename,
        "title_pt": f"Relatório {filename}",
        "title_en": f"Report {filename}",
        "description_pt": "Conclusões do workshop.",
        "description_en": "Workshop conclusions.",
        "category": "workshop_report",
        "file_language": "pt",
        "year": "2023",
    }
    return {**base, **values}


def titled(title):
    """Sets the PDF's title, so each file differs (the import refuses one file twice)."""
    return lambda writer: writer.add_metadata({"/Title": title})


@pytest.fixture
def folder(tmp_path):
    files = tmp_path / "ficheiros"
    files.mkdir()
    for number in range(1, 10):
        (files / f"r{number}.pdf").write_bytes(active_files.pdf(titled(f"r{number}")))
    (files / "falso.pdf").write_text("not a pdf at all")
    (files / "programa.exe").write_bytes(b"MZ" + b"\0" * 100)
    return files


@pytest.fixture
def write_csv(tmp_path):
    def write(rows):
        path = tmp_path / "metadados.csv"
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=HEADER)
            writer.writeheader()
            writer.writerows(rows)
        return path

    return write


def stored_files():
    return (
        set(default_storage.listdir("documents")[1])
        if default_storage.exists("documents")
        else set()
    )


def run(folder, csv_path, *args):
    call_command("import_documents", str(folder), "--csv", str(csv_path), *args)


@pytest.mark.django_db
def test_imports_every_row_with_both_languages(folder, write_csv, capsys):
    Collection.get_first_root_node().add_child(name="Relatórios")
    rows = [
        row("r1.pdf", collection="Relatórios", date="2023-05-04"),
        row("r2.pdf", category="market_study", file_language="both", year=""),
    ]
    run(folder, write_csv(rows), "--language", "en")
    documents = {d.title_pt: d for d in LibraryDocument.objects.all()}
    first, second = documents["Relatório r1.pdf"], documents["Relatório r2.pdf"]
    assert first.title_en == "Report r1.pdf"
    assert (first.published_on.isoformat(), first.published_year) == ("2023-05-04", 2023)
    assert first.collection.name == "Relatórios"
    assert (second.category, second.file_language, second.published_year) == (
        "market_study",
        "both",
        None,
    )
    assert (
        default_storage.exists(first.file.name)
        and first.file_size == (folder / "r1.pdf").stat().st_size
    )
    assert SearchEntry.objects.filter(kind="document").count() == 4  # 2 × PT/EN
    out = capsys.readouterr()
    assert "2/2" in out.err  # the progress bar
    assert "Imported 2 documents." in out.out


@pytest.mark.django_db
def test_dry_run_checks_and_writes_nothing(folder, write_csv, capsys):
    before = stored_files()
    run(folder, write_csv([row("r1.pdf"), row("r2.pdf")]), "--dry-run", "--language", "en")
    assert not LibraryDocument.objects.exists()
    assert stored_files() == before
    assert "all 2 rows are valid" in capsys.readouterr().out


@pytest.mark.django_db
def test_each_refused_row_is_reported_with_its_line_and_nothing_is_imported(
    folder, write_csv, capsys
):
    LibraryDocumentFactory(file=ContentFile(active_files.pdf(), name="ja.pdf"))
    (folder / "igual.pdf").write_bytes(active_files.pdf())  # same content as the library's file
    rows = [
        row("r1.pdf"),  # line 2: valid
        row("nao-existe.pdf"),
        row("r2.pdf", category="novela"),
        row("r3.pdf", year="1850"),
        row("falso.pdf"),
        row("programa.exe"),
        row("r1.pdf"),
        row("r4.pdf", title_en=""),
        row("r5.pdf", title_pt=""),
        row("../ficheiros/r6.pdf"),
        row("igual.pdf"),
        row("r7.pdf", collection="Inexistente"),
        row("r8.pdf", date="04/05/2023"),
    ]
    with pytest.raises(CommandError, match="12 of 13 rows refused; nothing was imported"):
        run(folder, write_csv(rows), "--language", "en")
    err = capsys.readouterr().err
    expected = {
        3: "is not in the folder",
        4: "category “novela” does not exist",
        5: "year “1850”",
        6: "not a PDF file",
        7: "“exe” are not accepted",
        8: "listed twice",
        9: "English title is missing",
        10: "Portuguese title is missing",
        11: "is not in the folder",
        12: "already holds this file",
        13: "collection “Inexistente” does not exist",
        14: "date “04/05/2023”",
    }
    for line, reason in expected.items():
        assert any(
            entry.startswith(f"Line {line} refused:") and reason in entry
            for entry in err.splitlines()
        ), (line, reason, err)
    assert "Line 2 " not in err
    assert LibraryDocument.objects.count() == 1  # only the one that was there


@pytest.mark.django_db
def test_refusals_are_reported_in_portuguese(folder, write_csv, capsys):
    with pytest.raises(CommandError, match="1 de 1 linhas recusadas"):
        run(folder, write_csv([row("r1.pdf", title_en="")]), "--language", "pt")
    assert "Linha 2 recusada: Falta o título em inglês." in capsys.readouterr().err


@pytest.mark.django_db
def test_a_failure_in_the_middle_leaves_no_row_and_no_file(folder, write_csv):
    before = stored_files()
    real_save, saves = LibraryDocument.save, []

    def fail_on_the_second(document, *args, **kwargs):
        saves.append(document)
        if len(saves) == 2:
            raise OSError("disk full")
        return real_save(document, *args, **kwargs)

    csv_path = write_csv([row("r1.pdf"), row("r2.pdf"), row("r3.pdf")])
    with (
        mock.patch.object(LibraryDocument, "save", fail_on_the_second),
        pytest.raises(CommandError),  # the storage's refusal, said plainly
    ):
        run(folder, csv_path)
    assert not LibraryDocument.objects.exists()
    assert not SearchEntry.objects.filter(kind="document").exists()
    assert stored_files() == before


@pytest.mark.django_db
def test_a_csv_without_the_required_columns_is_refused_whole(folder, tmp_path):
    path = tmp_path / "mau.csv"
    path.write_text("nome,titulo\nr1.pdf,Relatório\n", encoding="utf-8")
    with pytest.raises(CommandError, match="filename, title_pt, title_en"):
        run(folder, path, "--language", "en")


ACTIVE_FILES = {
    "macro.docx": active_files.docx(macros=True),
    "macro.xlsx": active_files.xlsx_with_macros(),
    "macro.odt": active_files.odt(basic=True),
    "script.pdf": active_files.pdf(active_files.javascript_on_open),
    "lancar.pdf": active_files.pdf(active_files.launch_on_open),
    "anexo.pdf": active_files.pdf(active_files.attachment),
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "reasons"),
    [
        (
            "en",
            ["contains macros"] * 3
            + ["contains JavaScript", "launches another program", "carries embedded files"],
        ),
        (
            "pt",
            ["contém macros"] * 3
            + ["contém JavaScript", "abre outro programa", "traz ficheiros incorporados"],
        ),
    ],
)
def test_active_content_is_refused_with_its_reason(folder, write_csv, capsys, language, reasons):
    for name, content in ACTIVE_FILES.items():
        (folder / name).write_bytes(content)
    (folder / "limpo.docx").write_bytes(active_files.docx())
    rows = [row(name) for name in ACTIVE_FILES] + [row("limpo.docx")]
    with pytest.raises(CommandError):
        run(folder, write_csv(rows), "--language", language)
    err = capsys.readouterr().err
    refused = "Line {} refused:" if language == "en" else "Linha {} recusada:"
    for line, reason in enumerate(reasons, start=2):
        assert any(
            entry.startswith(refused.format(line)) and reason in entry for entry in err.splitlines()
        ), (line, reason, err)
    assert refused.format(len(rows) + 1) not in err  # the clean file passes
    assert not LibraryDocument.objects.exists()
