"""The parity report lists untranslated pages, stale translations and half-translated records."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from editorial import parity
from tests.documents.factories import LibraryDocumentFactory
from tests.portal.factories import ContentPageFactory, GlossaryTermFactory, OrganisationFactory
from tests.querycount import assert_queries_do_not_grow

URL = "/admin/reports/translation-parity/"


def edit_at(page, when):
    """Saves a revision of `page` as if it had been made at `when`."""
    revision = page.save_revision()
    type(revision).objects.filter(pk=revision.pk).update(created_at=when)
    type(page).objects.filter(pk=page.pk).update(latest_revision_created_at=when)


@pytest.mark.django_db
def test_page_without_translation_is_listed_with_a_translate_link(staff_client, homes):
    page = ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale, title="Só em PT")
    response = staff_client.get(URL)
    assert response.status_code == 200
    rows = response.context["untranslated_pages"]
    assert [(row.pk, locale.language_code) for row, locale in rows] == [(page.pk, "en")]
    translate = reverse("simple_translation:submit_page_translation", args=[page.pk])
    assert translate in response.content.decode()


@pytest.mark.django_db
def test_translate_link_creates_the_translation_and_clears_the_row(staff_client, homes):
    page = ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale)
    translate = reverse("simple_translation:submit_page_translation", args=[page.pk])
    staff_client.post(translate, {"locales": [homes["en"].locale.pk]})
    assert staff_client.get(URL).context["untranslated_pages"] == []


@pytest.mark.django_db
def test_translation_edited_before_its_source_is_out_of_date(staff_client, translated_pair):
    pair = translated_pair(ContentPageFactory, "guia")
    now = timezone.now()
    edit_at(pair["en"], now - datetime.timedelta(days=2))
    edit_at(pair["pt"], now - datetime.timedelta(days=3))
    assert staff_client.get(URL).context["outdated_pages"] == []  # translation is newer

    edit_at(pair["pt"], now - datetime.timedelta(days=1))
    response = staff_client.get(URL)
    outdated = response.context["outdated_pages"]
    assert [(page.pk, page.source_id) for page in outdated] == [(pair["en"].pk, pair["pt"].pk)]
    assert reverse("wagtailadmin_pages:edit", args=[pair["en"].pk]) in response.content.decode()


@pytest.mark.django_db
def test_record_with_empty_english_field_is_listed_with_its_edit_link(staff_client, db):
    OrganisationFactory(acronym="OK", name_pt="Agência", name_en="Agency")
    gap = OrganisationFactory(acronym="GAP", name_pt="Instituto", name_en="")
    term = GlossaryTermFactory(definition_en="")
    response = staff_client.get(URL)
    groups = {group.model.__name__: group for group in response.context["incomplete_models"]}
    assert [item.record.pk for item in groups["Organisation"].records] == [gap.pk]
    assert [item.record.pk for item in groups["GlossaryTerm"].records] == [term.pk]
    assert reverse("wagtailsnippets_portal_organisation:edit", args=[gap.pk]) in (
        response.content.decode()
    )


@pytest.mark.django_db
def test_dashboard_panel_counts_each_kind_of_gap(staff_client, translated_pair, homes):
    ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale)
    pair = translated_pair(ContentPageFactory, "guia")
    edit_at(pair["pt"], timezone.now())
    LibraryDocumentFactory(description_en="")
    assert parity.summary() == {
        "untranslated_pages": 1,
        "outdated_translations": 1,
        "incomplete_records": 1,
    }
    html = staff_client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="translation-parity-section"' in html
    assert reverse("editorial_translation_parity") in html


@pytest.mark.django_db
def test_report_follows_the_admin_language(staff_client, homes, admin_language):
    admin_language("en")
    assert "Pages without a translation" in staff_client.get(URL).content.decode()
    admin_language("pt")
    assert "Páginas sem tradução" in staff_client.get(URL).content.decode()


@pytest.mark.django_db
def test_report_costs_the_same_queries_however_many_gaps(staff_client, translated_pair, homes):
    batches = iter(range(100))

    def grow():
        batch = next(batches)
        for number in range(5):
            ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale)
            pair = translated_pair(ContentPageFactory, f"par-{batch}-{number}")
            edit_at(pair["pt"], timezone.now())
            OrganisationFactory(name_en="")
            LibraryDocumentFactory(title_en="")

    grow()
    assert_queries_do_not_grow(staff_client, URL, grow, budget=30)
    assert_queries_do_not_grow(staff_client, reverse("wagtailadmin_home"), grow, budget=45)
