"""Staff edit pages, organisations and agreements in both languages, and translate pages."""

from django.urls import reverse

from wagtail.models import Page

import pytest

from portal.models import Organisation
from tests.portal.factories import ContentPageFactory, OrganisationFactory


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.pt", "pw")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_every_page_type_opens_in_the_editor(staff_client, portal_content):
    for page in Page.objects.filter(depth__gt=1):
        response = staff_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page


@pytest.mark.django_db
def test_organisation_form_has_both_languages_and_saves_them(staff_client):
    add_url = reverse("wagtailsnippets_portal_organisation:add")
    form = staff_client.get(add_url).content.decode()
    for field in ("name_pt", "name_en", "description_pt", "description_en"):
        assert f'name="{field}"' in form
    response = staff_client.post(
        add_url,
        {
            "name_pt": "Agência Nacional de Inovação",
            "name_en": "National Innovation Agency",
            "acronym": "ANI",
            "role": "initiative",
            "website": "https://www.ani.pt/",
            "description_pt": "Lidera o Procure+i.",
            "description_en": "Leads Procure+i.",
            "sort_order": "10",
        },
    )
    assert response.status_code == 302
    org = Organisation.objects.get(acronym="ANI")
    assert (org.name_pt, org.name_en) == (
        "Agência Nacional de Inovação",
        "National Innovation Agency",
    )
    assert (org.description_pt, org.description_en) == ("Lidera o Procure+i.", "Leads Procure+i.")


@pytest.mark.django_db
def test_organisation_listing_filters_by_role(staff_client):
    OrganisationFactory(acronym="ANI", role="initiative")
    OrganisationFactory(acronym="COMPETE", role="co_funder")
    url = reverse("wagtailsnippets_portal_organisation:list")
    html = staff_client.get(url, {"role": "co_funder"}).content.decode()
    assert "COMPETE" in html
    assert ">ANI<" not in html


@pytest.mark.django_db
def test_editor_can_translate_a_page(staff_client, homes):
    page = ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale, slug="guia")
    url = reverse("simple_translation:submit_page_translation", args=[page.pk])
    assert staff_client.get(url).status_code == 200
    response = staff_client.post(url, {"locales": [homes["en"].locale.pk]})
    assert response.status_code == 302
    translation = page.get_translation(homes["en"].locale)
    assert translation.get_parent().pk == homes["en"].pk
