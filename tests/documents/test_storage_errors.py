"""A storage that refuses a file: the form comes back with the editor's input and a message in
their language, nothing is half-saved, and the refusal is logged at ERROR."""

import logging
import os

from django.contrib.auth.models import User
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

import pytest

from documents.models import LibraryDocument
from tests.documents import active_files
from tests.documents.factories import LibraryDocumentFactory
from tests.documents.storage_faults import DOCUMENT_FIELDS, MESSAGE, png, storages
from tests.read_only_folder import read_only

pytestmark = pytest.mark.django_db
LANGUAGES = pytest.mark.parametrize("language", ["pt", "en"])
BACKENDS = pytest.mark.parametrize("backend", ["RefusingStorage", "FullStorage"])


@pytest.fixture
def editor(staff_client):
    def in_language(language):
        profile = UserProfile.get_for_user(User.objects.get(username="staff"))
        profile.preferred_language = language
        profile.save()
        return staff_client

    return in_language


def add_document(client, name="relatorio.pdf"):
    return client.post(
        reverse("wagtaildocs:add"),
        {**DOCUMENT_FIELDS, "file": SimpleUploadedFile(name, active_files.pdf())},
    )


def files_in_media(settings):
    return sorted(
        os.path.relpath(os.path.join(folder, name), settings.MEDIA_ROOT)
        for folder, _dirs, names in os.walk(settings.MEDIA_ROOT)
        for name in names
    )


@LANGUAGES
@BACKENDS
def test_document_add_comes_back_with_the_input(editor, language, backend, settings, caplog):
    before = files_in_media(settings)
    with override_settings(STORAGES=storages(backend)), caplog.at_level(logging.ERROR):
        response = add_document(editor(language))
    assert response.status_code == 200
    page = response.content.decode()
    assert MESSAGE[language] in page
    assert "Relatório guardado à mão" in page and "Hand-kept report" in page
    assert not LibraryDocument.objects.exists()
    assert files_in_media(settings) == before
    assert any(
        r.levelno == logging.ERROR and "Storage refused" in r.message for r in caplog.records
    )


@LANGUAGES
def test_document_multiple_upload_answers_with_the_reason(editor, language):
    with override_settings(STORAGES=storages("RefusingStorage")):
        response = editor(language).post(
            reverse("wagtaildocs:add_multiple"),
            {"files[]": SimpleUploadedFile("ficha.pdf", active_files.pdf()), "collection": "1"},
            HTTP_X_REQUESTED_WITH="XMLHttpRequest",
        )
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert MESSAGE[language].replace("&#x27;", "'") in answer["error_message"]
    assert not LibraryDocument.objects.exists()


@LANGUAGES
def test_replacing_a_document_file_keeps_the_old_one(editor, language):
    document = LibraryDocumentFactory()
    old_name = document.file.name
    with override_settings(STORAGES=storages("FullStorage")):
        response = editor(language).post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            {
                "title_pt": "Título novo",
                "title_en": "New title",
                "category": "workshop_report",
                "file_language": "pt",
                "file": SimpleUploadedFile("novo.pdf", active_files.pdf()),
                "collection": "1",
            },
        )
    assert response.status_code == 200
    assert MESSAGE[language] in response.content.decode()
    assert "Título novo" in response.content.decode()
    document.refresh_from_db()
    assert document.file.name == old_name and document.title_pt != "Título novo"
    assert default_storage.exists(old_name)


@LANGUAGES
def test_image_add_and_multiple_upload(editor, language):
    client = editor(language)
    with override_settings(STORAGES=storages("RefusingStorage")):
        single = client.post(
            reverse("wagtailimages:add"),
            {"title": "Mapa das regiões", "file": SimpleUploadedFile("mapa.png", png())},
        )
        multiple = client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": SimpleUploadedFile("mapa.png", png())},
            HTTP_X_REQUESTED_WITH="XMLHttpRequest",
        )
    assert single.status_code == 200
    assert MESSAGE[language] in single.content.decode()
    assert "Mapa das regiões" in single.content.decode()
    assert multiple.json()["success"] is False
    assert not get_image_model().objects.exists()


def test_images_are_still_stored(staff_client):
    response = staff_client.post(
        reverse("wagtailimages:add"),
        {"title": "Mapa", "file": SimpleUploadedFile("mapa.png", png())},
    )
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert default_storage.exists(image.file.name) and image.width == 4


def test_a_failed_row_save_removes_the_file_just_stored(staff_client, settings, monkeypatch):
    """The other half: a row that cannot be saved leaves no file behind."""
    before = files_in_media(settings)

    def refuse(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(LibraryDocument, "save", refuse)
    with pytest.raises(RuntimeError):
        add_document(staff_client)
    assert files_in_media(settings) == before


def test_read_only_media_folder(editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True)
    with read_only(settings.MEDIA_ROOT) as folder:
        if folder is None:  # said in the summary; the next test refuses writes on any system
            pytest.skip("this file system cannot make a folder read-only for this user")
        response = add_document(editor("en"))
    assert MESSAGE["en"] in response.content.decode()
    assert not LibraryDocument.objects.exists()


def test_media_folder_that_cannot_be_created(editor, settings, tmp_path):
    """A real refusal from the operating system, even for root: the folder's place is a file."""
    (tmp_path / "ficheiro").write_text("not a folder")
    settings.MEDIA_ROOT = tmp_path / "ficheiro" / "media"
    response = add_document(editor("en"))
    assert response.status_code == 200
    assert MESSAGE["en"] in response.content.decode()
    assert not LibraryDocument.objects.exists()


@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "nothing was imported (no document, no file)"), ("pt", "nada foi importado")],
)
def test_bulk_import_refused_by_the_storage(tmp_path, language, message, caplog):
    (tmp_path / "r1.pdf").write_bytes(active_files.pdf())
    (tmp_path / "meta.csv").write_text("filename,title_pt,title_en\nr1.pdf,Um,One\n")
    with (
        override_settings(STORAGES=storages("FullStorage")),
        caplog.at_level(logging.ERROR),
        pytest.raises(CommandError) as refused,
    ):
        call_command(
            "import_documents",
            str(tmp_path),
            "--csv",
            str(tmp_path / "meta.csv"),
            "--language",
            language,
        )
    assert message in str(refused.value)
    assert not LibraryDocument.objects.exists()
    assert any(r.levelno == logging.ERROR for r in caplog.records)


def add_multiple_deferred(client):
    """A title too long for the record: Wagtail keeps the file as a temporary upload and asks
    for the other fields (its "deferred" path)."""
    return client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile("ficha.pdf", active_files.pdf()),
            "collection": "1",
            "title": "Ficha " * 60,
        },
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )


@LANGUAGES
def test_multiple_upload_deferred_step_answers_with_the_reason(editor, language):
    with override_settings(STORAGES=storages("RefusingStorage")):
        response = add_multiple_deferred(editor(language))
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert MESSAGE[language].replace("&#x27;", "'") in answer["error_message"]


@LANGUAGES
def test_multiple_upload_second_step_answers_with_the_form(editor, language):
    """The temporary upload kept, a storage that refuses it at the second step gives the form
    back with the editor's input and the reason; once it accepts files the same form completes."""
    client = editor(language)
    first = add_multiple_deferred(client).json()
    upload_id = first.get("uploaded_file_id")
    assert first["success"] is True and upload_id, first
    prefix = f"uploaded-document-{upload_id}"
    fields = {
        "title_pt": "Ficha guardada",
        "title_en": "Kept sheet",
        "category": "workshop_report",
        "file_language": "pt",
        "collection": "1",
    }
    data = {f"{prefix}-{name}": value for name, value in fields.items()}
    url = reverse("wagtaildocs:create_multiple_from_uploaded_document", args=[upload_id])
    with override_settings(STORAGES=storages("FullStorage")):
        answer = client.post(url, data, HTTP_X_REQUESTED_WITH="XMLHttpRequest").json()
    assert answer["success"] is False
    assert MESSAGE[language] in answer["form"] and "Ficha guardada" in answer["form"]
    assert not LibraryDocument.objects.exists()
    assert client.post(url, data, HTTP_X_REQUESTED_WITH="XMLHttpRequest").json()["success"]
    assert LibraryDocument.objects.get().title_pt == "Ficha guardada"
