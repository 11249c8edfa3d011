"""Contact details and footer text come from Settings, per language, and edits show at once."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from editorial.models import PortalSettings


def settings_url():
    pk = PortalSettings.load().pk
    return reverse("wagtailsettings:edit", args=["editorial", "portalsettings", pk])


FORM = {
    "contact_email": "procure@example.pt",
    "phone": "+351 210 000 000",
    "address_pt": "Rua Exemplo, 1\n1000-001 Lisboa",
    "address_en": "Rua Exemplo, 1\n1000-001 Lisbon, Portugal",
    "footer_text_pt": "Texto do rodapé.",
    "footer_text_en": "Footer text.",
    "linkedin_url": "https://www.linkedin.com/company/example",
    "x_url": "",
    "youtube_url": "",
    "facebook_url": "",
}


def footer(response):
    html = response.content.decode()
    return html[html.index('<footer class="site-footer">') :]


@pytest.mark.django_db
def test_footer_keeps_its_text_in_each_language_and_hides_empty_contacts(client, homes):
    pt, en = footer(client.get("/pt/")), footer(client.get("/en/"))
    assert "Centro de Competências em Compras Públicas de Inovação" in pt
    assert "COMPETE 2020" in pt
    assert "Competence Centre for Public Procurement of Innovation" in en
    assert 'id="footer-contact"' not in pt  # nothing known yet: no empty heading


@pytest.mark.django_db
def test_staff_edit_both_languages_and_the_footer_shows_them(staff_client, homes):
    form = staff_client.get(settings_url()).content.decode()
    for name in ("address_pt", "address_en", "footer_text_pt", "footer_text_en"):
        assert f'name="{name}"' in form
    assert staff_client.post(settings_url(), FORM).status_code == 302
    visitor = Client()
    pt, en = footer(visitor.get("/pt/")), footer(visitor.get("/en/"))
    assert "Texto do rodapé." in pt and "Footer text." in en
    assert "1000-001 Lisboa" in pt and "Lisbon, Portugal" in en
    assert 'href="mailto:procure@example.pt"' in pt
    assert 'href="tel:+351210000000"' in pt
    assert 'href="https://www.linkedin.com/company/example"' in en
    assert ">YouTube<" not in en


@pytest.mark.django_db
def test_an_edit_to_the_footer_shows_on_the_next_cached_request(
    settings, staff_client, homes, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    visitor = Client()
    visitor.get("/pt/")
    assert visitor.get("/pt/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(settings_url(), FORM)
    response = visitor.get("/pt/")
    assert response["X-Page-Cache"] == "hit"  # rendered anew after the change (page_warmup)
    assert "Texto do rodapé." in footer(response)


@pytest.mark.django_db
def test_settings_are_read_once_per_request(client, homes):
    client.get("/pt/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/pt/")
    table = PortalSettings._meta.db_table
    assert sum(table in query["sql"] for query in queries.captured_queries) == 1


@pytest.mark.django_db
def test_the_record_is_wagtails_first_and_made_when_there_is_none():
    """PortalSettings._get_or_create (a prepared queryset, core/prepared.py) answers as
    Wagtail's: the first record, else a new one."""
    PortalSettings.objects.all().delete()
    made = PortalSettings.load()
    assert PortalSettings.objects.get().pk == made.pk
    PortalSettings.objects.create(contact_email="second@example.pt")
    assert PortalSettings.load().pk == PortalSettings.base_queryset().first().pk == made.pk
