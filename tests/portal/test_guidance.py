"""Guidance modules and seminar and workshop reports."""

import datetime

import pytest

from portal.models import ModulePage
from tests.documents.factories import LibraryDocumentFactory
from tests.portal.factories import (
    EventIndexPageFactory,
    EventReportPageFactory,
    ModuleIndexPageFactory,
    ModulePageFactory,
)


def under(parent, factory, **kwargs):
    return factory(parent=parent, locale=parent.locale, **kwargs)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_module_has_a_table_of_contents_and_its_pdf(client, homes, code):
    index = under(homes[code], ModuleIndexPageFactory)
    pdf = LibraryDocumentFactory(title_pt="Módulo", title_en="Module")
    module = under(
        index,
        ModulePageFactory,
        title="Step by step",
        body=[("heading", "Identify the need"), ("heading", "Consult the market")],
        documents=[("document", pdf)],
    )
    html = client.get(module.url).content.decode()
    assert '<a href="#identify-the-need">Identify the need</a>' in html
    assert '<h2 id="identify-the-need">Identify the need</h2>' in html
    assert '<a href="#consult-the-market">' in html
    assert pdf.url in html and "PDF, " in html
    index_html = client.get(index.url).content.decode()
    assert module.url in index_html


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_related_documents_in_the_editors_order_in_one_query(
    homes, code, django_assert_num_queries
):
    older, newer, deleted = LibraryDocumentFactory.create_batch(3)
    chosen = [("document", newer), ("document", deleted), ("document", older)]
    module = under(under(homes[code], ModuleIndexPageFactory), ModulePageFactory, documents=chosen)
    deleted.delete()
    module = ModulePage.objects.get(pk=module.pk)
    with django_assert_num_queries(1):
        assert module.document_list() == [newer, older]


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_event_reports_newest_first_with_date_place_and_files(client, homes, code):
    index = under(homes[code], EventIndexPageFactory)
    older = under(
        index, EventReportPageFactory, title="Seminar", event_date=datetime.date(2019, 10, 16)
    )
    undated = under(
        index, EventReportPageFactory, title="Workshop H2020", event_date=None, place=""
    )
    newer = under(
        index,
        EventReportPageFactory,
        title="Justice",
        event_date=datetime.date(2023, 1, 27),
        date_display="27 e 30 de janeiro de 2023" if code == "pt" else "27 and 30 January 2023",
    )
    response = client.get(index.url)
    assert [e.pk for e in response.context["events"]] == [newer.pk, older.pk, undated.pk]
    html = response.content.decode()
    assert ("27 e 30 de janeiro de 2023" if code == "pt" else "27 and 30 January 2023") in html
    assert ("Data não registada" if code == "pt" else "Date not recorded") in html

    report = LibraryDocumentFactory()
    older.documents = [("document", report)]
    older.save()
    page = client.get(older.url).content.decode()
    assert ("16 de outubro de 2019" if code == "pt" else "16 October 2019") in page
    assert "Lisboa" in page
    assert report.url in page
