"""Library uploads: allowed types only, content matching the extension, no active content."""

import io
import re
import zipfile

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from wagtail.users.models import UserProfile

import pytest

from documents import pdf_active_content, zip_members
from documents.file_checks import check_upload
from documents.models import LibraryDocument
from tests.documents import active_files, ooxml_files


def use_admin_language(language):
    profile = UserProfile.get_for_user(User.objects.get(username="staff"))
    profile.preferred_language = language
    profile.save()


def zipped(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = active_files.docx()
ODS = zipped({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "x"})
GOOD = {
    "relatorio.pdf": active_files.pdf(),
    "notas.docx": DOCX,
    "dados.ods": ODS,
    "lista.csv": "nome;entidade\nMértola;Câmara\n".encode(),
    "lista-excel.csv": "nome;entidade\nMértola;Câmara\n".encode("cp1252"),
}
MISMATCHED = {
    "fatura.pdf": b"MZ\x90\x00 this is a Windows program",
    "notas.docx": ODS,
    "dados.ods": DOCX,
    "lista.csv": b"\x89PNG\r\n\x1a\n" + b"\x00" * 50,
    "slides.pptx": b"plain text, not a presentation",
}


def upload(staff_client, name, content):
    return staff_client.post(
        reverse("wagtaildocs:add"),
        {
            "title_pt": "Documento",
            "title_en": "Document",
            "category": "workshop_report",
            "file_language": "pt",
            "file": SimpleUploadedFile(name, content),
            "collection": "1",
        },
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", GOOD)
def test_allowed_files_are_accepted(staff_client, name):
    assert upload(staff_client, name, GOOD[name]).status_code == 302
    stem, extension = name.rsplit(".", 1)  # storage adds a suffix when the name is taken
    assert re.fullmatch(rf"{stem}(_\w+)?\.{extension}", LibraryDocument.objects.get().filename)


@pytest.mark.django_db
@pytest.mark.parametrize("name", MISMATCHED)
def test_content_must_match_the_extension(staff_client, name):
    use_admin_language("en")
    response = upload(staff_client, name, MISMATCHED[name])
    assert response.status_code == 200
    assert not LibraryDocument.objects.exists()
    assert "The content of this file is not a" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("pt", "não são aceites"),
        ("en", "are not accepted"),
    ],
)
def test_other_types_are_refused_in_the_editors_language(staff_client, language, message):
    use_admin_language(language)
    response = upload(staff_client, "script.html", b"<script>alert(1)</script>")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not LibraryDocument.objects.exists()


@pytest.mark.django_db
@override_settings(DOCUMENT_MAX_UPLOAD_SIZE=1024)
def test_files_over_the_size_limit_are_refused(staff_client):
    use_admin_language("en")
    response = upload(staff_client, "grande.pdf", b"%PDF-1.7\n" + b"x" * 2048)
    assert response.status_code == 200
    assert "the largest file the library accepts is 1.0" in response.content.decode()
    assert not LibraryDocument.objects.exists()


@pytest.mark.django_db
def test_multiple_upload_checks_content_too(staff_client):
    response = staff_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("falso.pdf", b"GIF89a..."), "collection": "1"},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.json()["success"] is False
    assert not LibraryDocument.objects.exists()


# Active content: real files built with pypdf and zipfile (tests/documents/active_files.py).
ACTIVE = {
    "macro.docx": (active_files.docx(macros=True), "macros"),
    "macro.xlsx": (active_files.xlsx_with_macros(), "macros"),
    "macro.odt": (active_files.odt(basic=True), "macros"),
    "evento.odt": (active_files.odt(events=True), "macros"),
    "script.pdf": (active_files.pdf(active_files.javascript_on_open), "javascript"),
    "escondido.pdf": (
        active_files.with_escaped_names(active_files.pdf(active_files.javascript_on_open)),
        "javascript",
    ),
    "ligacao.pdf": (active_files.pdf(active_files.link_annotation_with_javascript), "javascript"),
    "lancar.pdf": (active_files.pdf(active_files.launch_on_open), "launch"),
    "anexo.pdf": (active_files.pdf(active_files.attachment), "embedded_file"),
}
# A phrase of each reason, in each language.
REASONS = {
    "macros": {"en": "contains macros, scripts or ActiveX", "pt": "contém macros, scripts ou"},
    "javascript": {"en": "This PDF contains JavaScript", "pt": "Este PDF contém JavaScript"},
    "launch": {"en": "launches another program", "pt": "abre outro programa"},
    "embedded_file": {"en": "carries embedded files", "pt": "traz ficheiros incorporados"},
}
CLEAN = {
    "limpo.docx": active_files.docx(),
    "limpo.odt": active_files.odt(),  # with LibreOffice's empty <office:scripts/>
    "abre-na-pagina-1.pdf": active_files.pdf(active_files.go_to_first_page_on_open),
    "em-branco.pdf": active_files.pdf(),
}


def multiple_upload(staff_client, name, content):
    return staff_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content), "collection": "1"},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pt", "en"])
@pytest.mark.parametrize("name", ACTIVE)
def test_active_content_is_refused_with_its_reason(staff_client, name, language):
    use_admin_language(language)
    content, reason = ACTIVE[name]
    response = upload(staff_client, name, content)
    assert response.status_code == 200
    assert REASONS[reason][language] in response.content.decode()
    refused = multiple_upload(staff_client, name, content).json()
    assert refused["success"] is False
    assert REASONS[reason][language] in refused["error_message"]
    assert not LibraryDocument.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", CLEAN)
def test_files_without_active_content_are_accepted(staff_client, name):
    assert upload(staff_client, name, CLEAN[name]).status_code == 302
    assert multiple_upload(staff_client, "outro-" + name, CLEAN[name]).json()["success"] is True
    assert LibraryDocument.objects.count() == 2


@pytest.mark.parametrize("path", sorted((settings.BASE_DIR / "fixtures" / "files").glob("*.pdf")))
def test_every_shipped_pdf_passes_the_checks(path):
    with open(path, "rb") as handle:
        check_upload(File(handle, name=path.name))  # the metadata sheets made by sheets.py


def test_unreadable_pdf_with_plain_javascript_is_refused_by_the_byte_scan():
    broken = b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>"
    with pytest.raises(ValidationError) as refused:
        check_upload(SimpleUploadedFile("partido.pdf", broken))
    assert refused.value.code == "active_content"


# Office files with DDE fields, embedded objects, ActiveX or outside templates and frames, and
# ZIP members too large once inflated (tests/documents/ooxml_files.py).
OFFICE_REFUSED = {
    "dde.docx": (ooxml_files.dde_in_document(), "dde"),
    "dde-partido.docx": (ooxml_files.dde_split_across_runs(), "dde"),
    "dde-rodape.docx": (ooxml_files.dde_in_footer(), "dde"),
    "dde-nota.docx": (ooxml_files.dde_in_footnote(), "dde"),
    "dde.xlsx": (ooxml_files.workbook_with_dde_link(), "dde"),
    "ole.docx": (ooxml_files.ole_object(), "embedded_object"),
    "pacote.docx": (ooxml_files.embedded_package(), "embedded_object"),
    "modelo.docx": (ooxml_files.remote_template(), "external_content"),
    "moldura.docx": (ooxml_files.remote_frame(), "external_content"),
    "activex.docx": (ooxml_files.activex_control(), "macros"),
    "entidades.docx": (ooxml_files.entity_expansion(), "unreadable"),
}
OFFICE_REASONS = {
    "dde": {"en": "contains DDE fields or links", "pt": "contém campos ou ligações DDE"},
    "embedded_object": {"en": "embeds another file or an OLE object", "pt": "incorpora outro"},
    "external_content": {"en": "loads a template, object or frame", "pt": "carrega um modelo"},
    "macros": REASONS["macros"],
    "unreadable": {"en": "could not be read", "pt": "Não foi possível ler parte"},
    "unreadable_pdf": {"en": "This PDF could not be read", "pt": "Não foi possível ler este PDF"},
    "oversized_part": {"en": "too large once uncompressed", "pt": "grande demais depois de"},
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pt", "en"])
@pytest.mark.parametrize("name", OFFICE_REFUSED)
def test_dde_embedded_objects_and_outside_content_are_refused(staff_client, name, language):
    use_admin_language(language)
    content, reason = OFFICE_REFUSED[name]
    response = upload(staff_client, name, content)
    assert response.status_code == 200
    assert OFFICE_REASONS[reason][language] in response.content.decode()
    refused = multiple_upload(staff_client, name, content).json()
    assert OFFICE_REASONS[reason][language] in refused["error_message"]
    assert not LibraryDocument.objects.exists()


OFFICE_ACCEPTED = {
    "relatorio.docx": ooxml_files.report(),  # TOC, hyperlink and IF fields, header, footnotes
    "com-modelo-local.docx": ooxml_files.local_template(),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", OFFICE_ACCEPTED)
def test_ordinary_office_files_are_accepted(staff_client, name):
    assert upload(staff_client, name, OFFICE_ACCEPTED[name]).status_code == 302
    assert LibraryDocument.objects.count() == 1


def test_a_member_declared_larger_than_the_bound_is_not_inflated(monkeypatch):
    monkeypatch.setattr(zip_members, "MAX_MEMBER_SIZE", 1024 * 1024)
    content = ooxml_files.report({"word/header1.xml": " " * (1024 * 1024 + 1)})
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        check_upload(SimpleUploadedFile("grande.docx", content))
    assert refused.value.code == "active_content"
    assert "too large once uncompressed" in refused.value.messages[0]


def test_a_member_longer_than_it_declares_is_stopped_at_the_bound(monkeypatch):
    """The declared size is only a claim: reading stops at it (then the checksum fails) or at
    the bound, whichever comes first, never after."""
    monkeypatch.setattr(zip_members, "MAX_MEMBER_SIZE", 1000)
    archive = zipfile.ZipFile(io.BytesIO(zipped({"parte.xml": b"x" * 5000})))
    archive.getinfo("parte.xml").file_size = 900  # what a forged central directory would say
    with pytest.raises((zip_members.MemberTooLarge, zipfile.BadZipFile)):
        zip_members.member_matches(archive, "parte.xml", re.compile(b"nunca"))


def test_a_huge_odf_mimetype_is_not_read_whole():
    content = zipped({"mimetype": b"application/vnd.oasis.opendocument.text" + b" " * 10**6})
    with pytest.raises(ValidationError) as refused:
        check_upload(SimpleUploadedFile("enorme.odt", content))
    assert refused.value.code == "file_content"


UNREADABLE_PDFS = {
    # Names written with #xx escapes in a file pypdf cannot parse: the byte scan decodes them.
    "escapado.pdf": (
        b"%PDF-1.4\n1 0 obj << /OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >> >>",
        "javascript",
    ),
    "lancar.pdf": (b"%PDF-1.4\n1 0 obj << /Type /Action /S /#4C#61unch >>", "launch"),
    "partido.pdf": (b"%PDF-1.4\n1 0 obj << /Length 3 >>\nstream\nabc", "unreadable_pdf"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pt", "en"])
@pytest.mark.parametrize("name", UNREADABLE_PDFS)
def test_pdfs_pypdf_cannot_parse_are_refused(staff_client, name, language):
    use_admin_language(language)
    content, reason = UNREADABLE_PDFS[name]
    response = upload(staff_client, name, content)
    assert response.status_code == 200
    phrase = {**REASONS, **OFFICE_REASONS}[reason][language]
    assert phrase in response.content.decode()
    assert not LibraryDocument.objects.exists()


@pytest.mark.parametrize(
    "name", [b"/J#61vaScript", b"/#4A#53", b"/Embedded#46ile", b"/Rich#4dedia", b"/#58FA"]
)
def test_escaped_names_are_found_in_readable_pdfs_too(name):
    """An escaped name in an object no walk reaches (an orphan object) is still found."""
    orphan = b"99 0 obj << " + name + b" (x) >>\nendobj\n"
    content = active_files.pdf().replace(b"%%EOF", orphan + b"%%EOF")
    with pytest.raises(ValidationError) as refused:
        check_upload(SimpleUploadedFile("orfao.pdf", content))
    assert refused.value.code == "active_content"


def test_an_escaped_name_split_across_two_chunks_is_found(monkeypatch):
    monkeypatch.setattr(pdf_active_content, "CHUNK", 64)
    for padding in range(64):  # the name starts at every offset of a chunk, and ends the file
        content = active_files.pdf() + b" " * padding + b"/J#61v#61Script"
        assert pdf_active_content.raw_finding(io.BytesIO(content)) == "javascript"
        followed = content + b" (x) " + b" " * 64
        assert pdf_active_content.raw_finding(io.BytesIO(followed)) == "javascript"
