"""The admin speaks the staff member's language, explains every field and previews every page."""

import json

from django.apps import apps
from django.urls import reverse

from wagtail.documents.forms import get_document_form
from wagtail.documents.models import AbstractDocument
from wagtail.models import Page, get_page_models

import pytest

from documents.models import LibraryDocument

OUR_APPS = ("portal", "documents", "casestudies", "editorial")
# Records the portal keeps for itself; no one edits them in the admin.
INTERNAL_MODELS = {"portal.ContentVersion", "portal.SearchEntry", "documents.DocumentTally"}
# Fields Wagtail defines (title, slug, file…), with their own help, and their translations.
WAGTAIL_FIELDS = {
    field.name for base in (Page, AbstractDocument) for field in base._meta.get_fields()
} | {"title_pt", "title_en"}


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "expected"), [("pt", "Painel de controlo"), ("en", "Dashboard")])
def test_dashboard_speaks_the_admin_language(staff_client, admin_language, code, expected):
    admin_language(code)
    html = staff_client.get(reverse("wagtailadmin_home")).content.decode()
    assert f'<html lang="{code}"' in html
    assert expected in html


@pytest.mark.django_db
def test_our_reports_are_listed_in_portuguese(staff_client, admin_language):
    admin_language("pt")
    html = staff_client.get(reverse("wagtailadmin_home")).content.decode()
    for label in ("Paridade das traduções", "Descargas de documentos"):
        assert json.dumps(label)[1:-1] in html  # the sidebar menu travels as JSON


def editable_fields(model):
    for field in model._meta.get_fields():
        if getattr(field, "concrete", False) and field.editable and not field.auto_created:
            yield field


def test_every_field_staff_edit_has_help_text():
    missing = [
        f"{model._meta.label}.{field.name}"
        for app in OUR_APPS
        for model in apps.get_app_config(app).get_models()
        if model._meta.label not in INTERNAL_MODELS
        for field in editable_fields(model)
        if field.name not in WAGTAIL_FIELDS and not field.help_text
    ]
    assert missing == []


@pytest.mark.django_db
def test_document_titles_have_help_text_in_the_form():
    form = get_document_form(LibraryDocument)()
    assert form.fields["title_pt"].help_text and form.fields["title_en"].help_text


@pytest.mark.django_db
def test_every_page_type_has_a_preview_in_both_languages(staff_client, portal_content):
    ours = [model for model in get_page_models() if model._meta.app_label in OUR_APPS]
    for model in ours:
        assert model.preview_modes, model
        for code in ("pt", "en"):
            page = model.objects.filter(locale__language_code=code).first()
            assert page is not None, f"no {code} {model.__name__} in the portal's content"
            url = reverse("wagtailadmin_pages:view_draft", args=[page.pk])
            response = staff_client.get(url)
            assert response.status_code == 200, (model, code)
            assert f'<html lang="{code}">' in response.content.decode(), (model, code)
