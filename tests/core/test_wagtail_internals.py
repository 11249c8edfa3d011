"""The Wagtail internals core/wagtail_internals.py relies on still behave as it was written for.

A failure here means Wagtail changed: re-read core/wagtail_internals.py and docs/upgrading.md
before changing WRITTEN_FOR.
"""

from django.db.models.signals import post_save
from django.test import RequestFactory
from django.urls import resolve, reverse
from django.utils import translation

from wagtail import VERSION as WAGTAIL_VERSION
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin.ui.side_panels import StatusSidePanel
from wagtail.models import Page, Site

import pytest

from core import routing, wagtail_internals
from documents.admin_views import LibraryDocumentIndexView
from documents.models import LibraryDocument
from tests.documents.factories import LibraryDocumentFactory, pdf_file
from tests.portal.factories import ContentPageFactory, FAQEntryFactory, FAQTopicFactory


def test_written_for_the_installed_wagtail():
    installed = ".".join(str(part) for part in WAGTAIL_VERSION[:2])
    assert installed == wagtail_internals.WRITTEN_FOR, (
        f"Wagtail {installed} is installed: check core/wagtail_internals.py and "
        "docs/upgrading.md, then set WRITTEN_FOR"
    )


@pytest.mark.django_db
def test_a_preset_site_is_found_without_a_query(homes, django_assert_num_queries):
    request = RequestFactory().get("/pt/")
    site = Site.objects.get(is_default_site=True)
    wagtail_internals.preset_site(request, site)
    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is site


@pytest.mark.django_db
def test_a_preset_route_is_served_by_wagtails_view_without_a_walk(
    homes, django_assert_max_num_queries
):
    page = ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale, title="Preset")
    request = RequestFactory().get("/pt/anything/")
    wagtail_internals.preset_route(request, page.specific.route(request, []))
    with django_assert_max_num_queries(0):
        assert Page.route_for_request(request, "some/other/path/")[0] == page


@pytest.mark.django_db
def test_a_preset_parent_is_found_without_a_query(homes, django_assert_num_queries):
    page = Page.objects.get(pk=ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale).pk)
    wagtail_internals.preset_parent(page, homes["pt"])
    with django_assert_num_queries(0):
        assert page.get_parent() is homes["pt"]


@pytest.mark.django_db
def test_saving_a_draft_writes_only_the_draft_fields(homes):
    page = ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale)
    entry = FAQEntryFactory(topic=FAQTopicFactory())
    written = []

    def note(sender, instance=None, update_fields=None, **kwargs):
        if instance in (page, entry):
            written.append(set(update_fields or {"(every field)"}))

    post_save.connect(note, weak=False, dispatch_uid="draft_fields_test")
    try:
        page.title = "Draft title"
        page.save_revision()
        entry.question_pt = "Rascunho?"
        entry.save_revision()
    finally:
        post_save.disconnect(dispatch_uid="draft_fields_test")
    assert len(written) == 2
    for fields in written:
        assert fields <= wagtail_internals.DRAFT_FIELDS


@pytest.mark.django_db
def test_document_metadata_matches_what_wagtail_computes(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = LibraryDocumentFactory(file=pdf_file(size=4096))
    assert document.file_size == pdf_file(size=4096).size
    stored = LibraryDocument.objects.get(pk=document.pk)
    stored.file_hash, stored.file_size = "", None
    assert stored.get_file_hash() == document.file_hash  # Wagtail's public methods, afresh
    assert stored.get_file_size() == document.file_size


@translation.override("pt")  # i18n_patterns resolve the active language's prefix only
def test_pages_take_the_cached_route_in_front_of_wagtails_whole_urls():
    assert resolve("/pt/some/page/").func is routing.serve
    last = wagtail_urls.urlpatterns[-1]
    assert last.name == "wagtail_serve" and last.callback is wagtail_views.serve
    assert last.pattern.regex.pattern == wagtail_urls.serve_pattern
    assert routing.serve_pattern().endswith(wagtail_urls.serve_pattern.removeprefix("^"))
    # Nothing of Wagtail's other addresses is taken by the page pattern in front.
    assert resolve("/pt/_util/login/").url_name == "wagtailcore_login"
    password = reverse("wagtailcore_authenticate_with_password", args=[1, 2])
    assert resolve(password).func is wagtail_views.authenticate_with_password


def test_the_admin_document_listing_is_the_librarys():
    """documents/wagtail_hooks.py registers its listing before Wagtail's at the same address."""
    assert resolve(reverse("wagtaildocs:index")).func.view_class is LibraryDocumentIndexView
    assert resolve("/admin/documents/results/").func.view_class is LibraryDocumentIndexView


@pytest.mark.django_db
def test_the_status_panel_of_a_record_loses_only_its_live_row():
    topic = FAQTopicFactory()  # a model without drafts
    request = RequestFactory().get("/")
    wagtails = StatusSidePanel(topic, request, usage_url="/usage/").get_status_templates({})
    usage_only = wagtail_internals.UsageSidePanel(topic, request, usage_url="/usage/")
    assert wagtail_internals.LIVE_ROW_TEMPLATE in wagtails
    assert usage_only.get_status_templates({}) == [
        template for template in wagtails if template != wagtail_internals.LIVE_ROW_TEMPLATE
    ]
    assert any(template.endswith("/usage.html") for template in wagtails)
