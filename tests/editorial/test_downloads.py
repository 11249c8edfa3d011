"""Each file served counts once per document and day; the report ranks, charts and exports."""

import datetime
from unittest import mock

from django.contrib.auth.models import Permission
from django.db.models import QuerySet
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Collection, CollectionViewRestriction

import pytest

from editorial.models import DocumentDownload
from tests.documents.factories import LibraryDocumentFactory
from tests.querycount import assert_queries_do_not_grow

REPORT = "/admin/reports/document-downloads/"


def serve_url(document):
    return reverse("wagtaildocs_serve", args=[document.pk, document.filename])


def download(client, document):
    response = client.get(serve_url(document))
    b"".join(response.streaming_content if response.streaming else [response.content])
    return response


@pytest.mark.django_db
@override_settings(PAGE_CACHE_SECONDS=600)  # files must be counted even with the page cache on
def test_each_download_adds_one_to_the_documents_row_of_the_day(client):
    document, other = LibraryDocumentFactory(), LibraryDocumentFactory()
    for _ in range(3):
        assert download(client, document).status_code == 200
    download(client, other)
    rows = DocumentDownload.objects.order_by("document_id")
    today = timezone.localdate()
    assert [(r.document_id, r.day, r.count) for r in rows] == [
        (document.pk, today, 3),
        (other.pk, today, 1),
    ]


def test_no_personal_data_is_stored():
    fields = {field.name for field in DocumentDownload._meta.concrete_fields}
    assert fields == {"id", "document", "day", "count"}


@pytest.mark.django_db
def test_a_refused_private_file_is_not_counted(client, django_user_model):
    collection = Collection.get_first_root_node().add_child(name="Interno")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = LibraryDocumentFactory(collection=collection)
    assert download(client, document).status_code == 302
    assert not DocumentDownload.objects.exists()
    client.force_login(django_user_model.objects.create_user("leitor", password="x"))
    assert download(client, document).status_code == 200
    assert DocumentDownload.objects.get().count == 1


@pytest.mark.django_db
def test_a_row_created_by_a_concurrent_request_is_incremented_not_duplicated():
    document = LibraryDocumentFactory()
    day = datetime.date(2026, 3, 1)
    downloads(document, day, 1)  # created by the other request after our first update missed
    real_update, calls = QuerySet.update, []

    def update(queryset, **kwargs):
        calls.append(kwargs)
        return 0 if len(calls) == 1 else real_update(queryset, **kwargs)

    with mock.patch.object(QuerySet, "update", update):
        DocumentDownload.record(document.pk, day)
    assert len(calls) == 2  # missed, then the insert failed, then incremented
    assert DocumentDownload.objects.get().count == 2


def downloads(document, day, count):
    DocumentDownload.objects.create(document=document, day=day, count=count)


@pytest.fixture
def counted(db):
    """Three documents with downloads in March 2026, and one outside it."""
    docs = {
        name: LibraryDocumentFactory(title_pt=name, title=name)
        for name in ("Guia", "Estudo", "=HYPERLINK(1)")
    }
    downloads(docs["Guia"], datetime.date(2026, 3, 2), 5)
    downloads(docs["Guia"], datetime.date(2026, 3, 20), 4)
    downloads(docs["Estudo"], datetime.date(2026, 3, 5), 12)
    downloads(docs["=HYPERLINK(1)"], datetime.date(2026, 3, 6), 1)
    downloads(docs["Estudo"], datetime.date(2026, 4, 1), 100)
    return docs


PERIOD = {"start": "2026-03-01", "end": "2026-03-31"}


@pytest.mark.django_db
def test_report_ranks_documents_of_the_period(staff_client, counted):
    response = staff_client.get(REPORT, {**PERIOD, "top": "10"})
    assert response.status_code == 200
    rows = [(row["document__title_pt"], row["total"]) for row in response.context["rows"]]
    assert rows == [("Estudo", 12), ("Guia", 9), ("=HYPERLINK(1)", 1)]
    html = response.content.decode()
    assert html.count('class="editorial-bar"') == 3
    assert 'width="100.0"' in html and 'width="75.0"' in html  # bars relative to the first
    assert " style=" not in html.split('id="downloads-heading"')[1]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"start": "2026-03-31", "end": "2026-03-01"},
        {"start": "2026-13-45"},
        {"end": "ontem"},
        {"start": "2000-01-01", "end": "2026-01-01"},
        {"top": "999"},
    ],
)
def test_bad_periods_get_a_form_error_not_a_server_error(staff_client, counted, query):
    response = staff_client.get(REPORT, query)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert response.context["rows"] == []


@pytest.mark.django_db
def test_csv_export_guards_against_formulas(staff_client, counted):
    response = staff_client.get(REPORT, {**PERIOD, "export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "downloads-20260301-20260331.csv" in response["Content-Disposition"]
    lines = response.getvalue().decode("utf-8-sig").splitlines()
    assert len(lines) == 4
    assert lines[1].split(",")[1:2] == ["Estudo"] and lines[1].endswith(",12")
    assert ",'=HYPERLINK(1)," in lines[3]


@pytest.mark.django_db
def test_report_needs_the_view_permission(client, django_user_model, counted):
    user = django_user_model.objects.create_user("outro", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(REPORT, PERIOD).status_code in (302, 403)


@pytest.mark.django_db
def test_report_costs_the_same_queries_however_many_documents(staff_client, counted):
    def grow():
        for document in LibraryDocumentFactory.create_batch(15):
            downloads(document, datetime.date(2026, 3, 10), 2)

    assert_queries_do_not_grow(staff_client, REPORT + "?start=2026-03-01&end=2026-03-31", grow, 20)
