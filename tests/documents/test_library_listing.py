"""The library's prepared lists (documents/models/listing.py): a page of documents is the ORM's
page for every filter, order and page number, and each document brings its public second
formats, read in one query for the whole page."""

from unittest import mock

from django.db import connection
from django.db.models.sql.compiler import SQLCompiler
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Collection, CollectionViewRestriction

import pytest

from core.listing import paginate
from documents.models import LibraryDocument, listing, with_formats
from tests.documents.factories import DocumentLibraryPageFactory, LibraryDocumentFactory

FILTER_SETS = [
    {},
    {"category": "faq"},
    {"language": "en"},
    {"year": 2023},
    {"category": "article", "language": "en", "year": 2023},
]


@pytest.fixture
def documents(db):
    made = []
    for n in range(7):
        made.append(
            LibraryDocumentFactory(
                title_pt=f"Documento {7 - n}",
                title_en=f"Document {n}",
                category=("faq", "article")[n % 2],
                file_language=("pt", "en", "both")[n % 3],
                published_year=2020 + n % 4,
            )
        )
    return made


def pks(rows):
    return [row.pk for row in rows]


def orm_page(filters, number, size):
    bottom = (number - 1) * size
    return pks(listing.library_documents(**filters)[bottom : bottom + size])


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
@pytest.mark.parametrize("sort", ["newest", "title"])
def test_each_page_is_the_orms_for_every_filter_and_order(
    documents, code, sort, django_assert_num_queries
):
    with translation.override(code):
        for given in FILTER_SETS:
            filters = {"category": None, "language": None, "year": None, "sort": sort, **given}
            for number in ("1", "2", "3", "9"):  # 9: past the last page, which is shown
                page = page_of(filters, number)
                rows = listing.page_of_documents(filters, page)
                assert pks(rows) == orm_page(filters, page.number, 2)
            # A kept shape: the page and the formats of its documents, two queries.
            page = page_of(filters, "1")
            with django_assert_num_queries(2 if page.paginator.count else 0):
                listing.page_of_documents(filters, page)


def page_of(filters, number, size=2):
    """The page the library's view asks for (its object_list unread)."""
    return paginate(listing.library_documents(**filters), {"page": number}, size)


@pytest.mark.django_db
@pytest.mark.parametrize("given", [{}, {"category": "faq", "language": "en"}])
def test_a_kept_shape_builds_no_query(documents, given):
    filters = {"category": None, "language": None, "year": None, "sort": "newest", **given}
    listing.page_of_documents(filters, page_of(filters, "1"))
    page = page_of(filters, "1")  # counted: the view's count is read apart
    real = SQLCompiler.as_sql
    with mock.patch.object(SQLCompiler, "as_sql", autospec=True, side_effect=real) as spy:
        rows = listing.page_of_documents(filters, page)
    assert spy.call_count == 0 and pks(rows) == orm_page(filters, 1, 2)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_the_count_is_the_orms_for_every_filter(documents, with_second_formats, code):
    with translation.override(code):
        for given in FILTER_SETS:
            filters = {"category": None, "language": None, "year": None, "sort": "newest", **given}
            expected = listing.library_documents(**filters).count()
            assert listing.listing_facts(filters)[0] == expected
            assert listing.listing_facts(filters)[0] == expected  # the kept shape
    unfiltered = listing.LISTING_FACTS.members[((),)]
    assert None not in unfiltered.plans.values()


@pytest.mark.django_db
def test_a_deep_page_is_read_the_plain_way(documents, monkeypatch):
    monkeypatch.setattr(listing, "PREPARED_PAGES", 1)
    filters = {"category": None, "language": None, "year": None, "sort": "newest"}
    kept = len(listing.PAGE_OF_DOCUMENTS.members)
    rows = listing.page_of_documents(filters, page_of(filters, "2", size=3))
    assert pks(rows) == orm_page(filters, 2, 3)
    assert len(listing.PAGE_OF_DOCUMENTS.members) == kept  # no shape kept past the first pages


@pytest.fixture
def with_second_formats(db):
    docx, other = LibraryDocumentFactory(), LibraryDocumentFactory()
    odt = LibraryDocumentFactory(format_of=docx, title_pt="Modelo (ODT)")
    closed = Collection.get_first_root_node().add_child(name="Interno")
    CollectionViewRestriction.objects.create(
        collection=closed, restriction_type=CollectionViewRestriction.LOGIN
    )
    LibraryDocumentFactory(format_of=other, collection=closed)  # a visitor may not see it
    return docx, other, odt


@pytest.mark.django_db
def test_second_formats_are_the_public_ones_in_one_query(with_second_formats):
    docx, other, odt = with_second_formats
    shown = LibraryDocument.objects.filter(pk__in=[docx.pk, other.pk]).order_by("pk")
    with CaptureQueriesContext(connection) as queries:
        rows = with_formats(shown)
    assert len(queries) == 2  # the documents, then every second format at once
    assert [pks(row.formats) for row in rows] == [[odt.pk], []]
    assert with_formats([]) == []


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "also"), [("pt", "também em"), ("en", "also as")])
def test_the_library_card_offers_the_second_format(
    client, translated_pair, with_second_formats, code, also
):
    docx, _other, odt = with_second_formats
    library = translated_pair(DocumentLibraryPageFactory, "library")[code]
    html = client.get(library.url).content.decode()
    assert f'{also} <a href="{odt.url}">PDF' in html
    assert html.count(f"{also} <a") == 1  # the restricted one is not offered
    card_of_odt = f'<a href="{library.url}{odt.pk}/'
    assert card_of_odt not in html  # a second format has no card of its own


@pytest.mark.django_db
@pytest.mark.parametrize("given", FILTER_SETS)
def test_publication_years_are_the_public_documents_newest_first(
    documents, with_second_formats, given
):
    LibraryDocumentFactory(published_year=None)
    closed = Collection.objects.get(name="Interno")
    LibraryDocumentFactory(published_year=1999, collection=closed)  # not shown to visitors
    expected = sorted({d.published_year for d in LibraryDocument.objects.public()} - {None})
    filters = {"category": None, "language": None, "year": None, "sort": "newest", **given}
    for _ in range(2):  # the second from the kept shape
        assert listing.listing_facts(filters)[1] == expected[::-1]  # whatever the filters
    assert 1999 not in expected


@pytest.mark.django_db
def test_the_count_and_the_years_are_one_query(documents, with_second_formats):
    filters = {"category": "article", "language": "pt", "year": None, "sort": "newest"}
    with CaptureQueriesContext(connection) as queries:
        count, years = listing.listing_facts(filters)
    assert len(queries) == 1
    assert count == listing.library_documents(**filters).count() and years
