"""The editable templates (issue 25): one source per template and language builds the DOCX and
the ODT committed in fixtures/files/, which pass the upload checks and open as documents."""

import io
import posixpath
import shutil
import subprocess
import zipfile

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

import pytest
from defusedxml.ElementTree import fromstring

from documents.editable_templates import built_files, sources
from documents.file_checks import check_upload
from documents.models import DocumentLibraryPage, LibraryDocument
from documents.office_text import office_text
from documents.template_source import parse

FIXTURES = settings.BASE_DIR / "fixtures"
TEMPLATES = FIXTURES / "templates"
NAMES = (
    "consultation-notice",
    "consultation-questionnaire",
    "functional-specification",
    "ip-clauses",
)
KEYS = [f"template-{name}-{code}" for name in NAMES for code in ("pt", "en")]
INDICATIVE = {"pt": "Modelo indicativo", "en": "Indicative template"}
NOT_ADVICE = {"pt": "Não é aconselhamento jurídico", "en": "It is not legal advice"}
TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}
LIBRARY = {"pt": "/pt/biblioteca/", "en": "/en/library/"}
SEARCH = {"pt": "/pt/pesquisa/", "en": "/en/search/"}
CATEGORY_LABEL = {"pt": "Modelos", "en": "Templates"}


@pytest.fixture(scope="module")
def files():
    return built_files(TEMPLATES)


def test_every_template_has_a_source_in_each_language():
    assert {(name, code) for name, code, _path in sources(TEMPLATES)} == {
        (name, code) for name in NAMES for code in ("pt", "en")
    }


def test_the_committed_files_are_what_the_sources_build(files):
    assert sorted(files) == sorted(f"{key}.{ext}" for key in KEYS for ext in ("docx", "odt"))
    for name, data in files.items():
        assert (FIXTURES / "files" / name).read_bytes() == data, f"rebuild {name}: make templates"
    call_command("build_templates", "--check", stdout=io.StringIO())


def test_the_check_fails_when_a_source_changes(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "files").mkdir()
    source = tmp_path / "templates" / "note.pt.md"
    source.write_text("# Título\n\n> Modelo indicativo.\n", "utf-8")
    call_command("build_templates", "--fixtures", tmp_path, stdout=io.StringIO())
    call_command("build_templates", "--fixtures", tmp_path, "--check", stdout=io.StringIO())
    source.write_text("# Título alterado\n", "utf-8")
    with pytest.raises(CommandError, match="template-note-pt.docx"):
        call_command("build_templates", "--fixtures", tmp_path, "--check", stdout=io.StringIO())


def test_building_twice_gives_the_same_bytes(files):
    assert built_files(TEMPLATES) == files


@pytest.mark.parametrize("key", KEYS)
def test_each_template_says_it_is_indicative_and_not_legal_advice(key):
    code = key.rsplit("-", 1)[1]
    name = key.removeprefix("template-").removesuffix(f"-{code}")
    source = parse((TEMPLATES / f"{name}.{code}.md").read_text("utf-8"), code)
    kinds = [block.kind for block in source.blocks]
    assert kinds[:2] == ["title", "note"]  # the warning comes right under the title
    note = "".join(run.text for run in source.blocks[1].runs)
    assert INDICATIVE[code] in note and NOT_ADVICE[code] in note
    assert any(run.field for block in source.blocks[2:] for run in _runs(block))


def _runs(block):
    return [run for item in block.runs for run in item] if block.kind == "bullets" else block.runs


def test_the_source_format_is_checked():
    with pytest.raises(ValueError, match="title"):
        parse("Texto sem título\n", "pt")
    with pytest.raises(ValueError, match="second title"):
        parse("# Um\n# Dois\n", "pt")
    with pytest.raises(ValueError, match="unknown marker"):
        parse("# Um\n####### Demasiados\n", "pt")
    source = parse("# T\n- a\n- **b** [c]\n\nlinha\ncontinua\n", "pt")
    assert [block.kind for block in source.blocks] == ["title", "bullets", "paragraph"]
    assert [(run.text, run.bold, run.field) for run in source.blocks[1].runs[1]] == [
        ("b", True, False),
        (" ", False, False),
        ("[c]", False, True),
    ]
    assert source.blocks[2].runs[0].text == "linha continua"


@pytest.mark.parametrize("ext", ["docx", "odt"])
def test_every_file_passes_the_upload_checks(files, ext):
    for name, data in files.items():
        if name.endswith(ext):
            check_upload(SimpleUploadedFile(name, data, content_type=TYPES[ext]))


def test_odt_packages_follow_the_odf_rules(files):
    for name, data in files.items():
        if not name.endswith(".odt"):
            continue
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            first = archive.infolist()[0]
            assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
            assert archive.read("mimetype") == TYPES["odt"].encode()
            assert first.extra == b""  # readers find the type at a fixed offset
            manifest = fromstring(archive.read("META-INF/manifest.xml"))
            listed = {
                entry.get("{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}full-path")
                for entry in manifest
            }
            assert listed == {"/"} | (
                set(archive.namelist()) - {"mimetype", "META-INF/manifest.xml"}
            )
            for part in ("content.xml", "styles.xml", "meta.xml"):
                fromstring(archive.read(part))  # well-formed


def test_docx_packages_are_complete_word_documents(files):
    for name, data in files.items():
        if not name.endswith(".docx"):
            continue
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            types = fromstring(archive.read("[Content_Types].xml"))
            overrides = {e.get("PartName").lstrip("/") for e in types if e.get("PartName")}
            assert overrides == {n for n in names if n.endswith(".xml") and "[" not in n}
            for rels in (n for n in names if n.endswith(".rels")):
                folder = posixpath.dirname(posixpath.dirname(rels))
                for relation in fromstring(archive.read(rels)):
                    assert relation.get("TargetMode") != "External"
                    assert (
                        posixpath.normpath(posixpath.join(folder, relation.get("Target"))) in names
                    )
            for part in names:
                fromstring(archive.read(part))  # every part is well-formed XML


@pytest.mark.parametrize("ext", ["docx", "odt"])
def test_the_text_reads_back_from_the_file(files, ext):
    for code in ("pt", "en"):
        source = (TEMPLATES / f"consultation-questionnaire.{code}.md").read_text("utf-8")
        title = parse(source, code).title
        text = office_text(
            io.BytesIO(files[f"template-consultation-questionnaire-{code}.{ext}"]), ext
        )
        assert text.startswith(title) and NOT_ADVICE[code] in text


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
@pytest.mark.parametrize(("source", "target"), [("docx", "odt"), ("odt", "docx")])
def test_libreoffice_opens_and_converts_each_format(files, tmp_path, source, target):
    name = f"template-ip-clauses-pt.{source}"
    (tmp_path / name).write_bytes(files[name])
    profile = f"-env:UserInstallation=file://{tmp_path}/profile"
    command = ["soffice", profile, "--headless", "--norestore", "--convert-to", "txt:Text"]
    subprocess.run([*command, "--outdir", str(tmp_path), str(tmp_path / name)], timeout=120)
    text = (tmp_path / name.replace(source, "txt")).read_text("utf-8-sig")
    assert "Cláusulas de propriedade intelectual" in text
    assert "artigo 218.º-A do CCP" in text


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_the_library_lists_the_templates_once_each_with_both_formats(client, portal_content, code):
    response = client.get(LIBRARY[code], {"category": "template"})
    html = response.content.decode()
    listed = {document.import_key for document in response.context["documents"]}
    assert listed == set(KEYS)  # the ODT is offered on the card, not listed again
    assert f'<option value="template" selected>{CATEGORY_LABEL[code]}</option>' in html
    for key in KEYS:
        odt = LibraryDocument.objects.get(import_key=f"{key}-odt")
        assert odt.format_of.import_key == key
        assert f'href="{odt.url}"' in html


PAGE_NOTICE = {
    "pt": "Modelo indicativo preparado pelo Procure+i para este portal",
    "en": "An indicative template prepared by Procure+i for this portal, not legal advice",
}


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_a_template_page_offers_both_formats_which_download_as_documents(
    client, portal_content, code
):
    document = LibraryDocument.objects.get(import_key="template-ip-clauses-pt")
    odt = document.other_formats.get()
    library = DocumentLibraryPage.objects.live().get(locale__language_code=code)
    for shown in (document, odt):  # the ODT's own page (search, links) offers the DOCX
        html = client.get(library.document_url(shown)).content.decode()
        assert f'href="{document.url}"' in html and f'href="{odt.url}"' in html
        assert PAGE_NOTICE[code] in html
    for item, ext in ((document, "docx"), (odt, "odt")):
        response = client.get(item.url)
        assert response.status_code == 200
        assert response["Content-Type"] == TYPES[ext]
        assert "attachment" in response["Content-Disposition"]
        body = b"".join(response.streaming_content)
        assert body == (FIXTURES / "files" / f"template-ip-clauses-pt.{ext}").read_bytes()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "query", "key"),
    [
        ("pt", "questionário consulta preliminar", "template-consultation-questionnaire-pt"),
        ("en", "consultation questionnaire template", "template-consultation-questionnaire-en"),
        ("pt", "especificação funcional", "template-functional-specification-pt"),
        ("en", "functional performance specification", "template-functional-specification-en"),
        ("pt", "cláusulas propriedade intelectual", "template-ip-clauses-pt"),
        ("en", "intellectual property clauses", "template-ip-clauses-en"),
        ("pt", "titularidade do adjudicatário", "template-ip-clauses-pt"),  # the file's text
    ],
)
def test_templates_are_found_by_search_once(client, portal_content, code, query, key):
    document = LibraryDocument.objects.get(import_key=key)
    results = client.get(SEARCH[code], {"q": query, "type": "document"}).context["results"]
    titles = [entry.title for entry in results]
    title = getattr(document, f"title_{code}")
    assert titles.count(title) == 1, (query, titles[:5])  # found, and the ODT is no second result


@pytest.mark.django_db
def test_staff_upload_a_second_format_with_the_chooser(staff_client, files):
    form = staff_client.get(reverse("wagtaildocs:add")).content.decode()
    assert 'name="format_of"' in form and "<option" not in form.split('name="format_of"')[1][:300]
    fields = {
        "title_pt": "Modelo",
        "title_en": "Template",
        "category": "template",
        "file_language": "pt",
        "collection": "1",
    }
    name = "template-consultation-notice-pt"
    docx = SimpleUploadedFile(f"{name}.docx", files[f"{name}.docx"], content_type=TYPES["docx"])
    assert (
        staff_client.post(reverse("wagtaildocs:add"), {**fields, "file": docx}).status_code == 302
    )
    first = LibraryDocument.objects.get()
    assert "Aviso de consulta preliminar ao mercado" in first.text_content  # searchable
    odt = SimpleUploadedFile(f"{name}.odt", files[f"{name}.odt"], content_type=TYPES["odt"])
    response = staff_client.post(
        reverse("wagtaildocs:add"), {**fields, "file": odt, "format_of": first.pk}
    )
    assert response.status_code == 302
    second = LibraryDocument.objects.exclude(pk=first.pk).get()
    assert second.format_of == first and list(LibraryDocument.objects.listed()) == [first]
    # Neither the document itself nor a second format can be named as the first format.
    edit = reverse("wagtaildocs:edit", args=[first.pk])
    for wrong in (first, second):
        response = staff_client.post(edit, {**fields, "format_of": wrong.pk})
        assert response.status_code == 200
        assert "format_of" in response.context["form"].errors
    assert LibraryDocument.objects.get(pk=first.pk).format_of is None
