"""Library uploads: allowed types only, content matching the extension, size capped."""

import io
import re
import zipfile

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest

from documents.models import LibraryDocument


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


DOCX = zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
ODS = zipped({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "x"})
GOOD = {
    "relatorio.pdf": b"%PDF-1.7\n" + b"x" * 100,
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
