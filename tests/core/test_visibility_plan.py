"""The public-page rule stays linear in the pages checked, whatever plan SQLite picks once
it has statistics (ANALYZE): joined from the pages side, it once scanned the whole tree for
every page checked (half a second on the case index at 2,000 case studies)."""

from django.db import connection

from wagtail.models import Page, PageViewRestriction

import pytest

from core.visibility import public_pages
from tests.portal.factories import ContentPageFactory
from tests.querycount import python_calls

PAGES = 120


def instructions(queryset):
    """SQLite virtual-machine instructions spent on the query, in hundreds."""
    steps = []
    raw = connection.connection
    raw.set_progress_handler(lambda: steps.append(1) and 0, 100)
    try:
        list(queryset)
    finally:
        raw.set_progress_handler(None, 0)
    return len(steps)


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner and counter")
def test_restriction_check_stays_linear_after_analyze(homes):
    for number in range(PAGES):
        ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale, slug=f"p{number}")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # statistics taken while no page is restricted, as is usual
    PageViewRestriction.objects.create(page=homes["en"], restriction_type="login")
    spent = instructions(public_pages(Page.objects.all()))
    # A scan of the tree per page checked would be PAGES² rows: over 1,000 hundreds here.
    assert spent < 3 * PAGES, spent
    assert not public_pages(Page.objects.descendant_of(homes["en"], inclusive=True)).exists()


def orm_public_pages(pages):
    """The page rule as the ORM built it before its SQL was written out (core.visibility)."""
    from django.db.models import Exists, OuterRef
    from django.db.models.functions import Length, Substr

    restricted = Page.objects.filter(pk__in=PageViewRestriction.objects.values("page_id"))
    covering = restricted.filter(path=Substr(OuterRef("path"), 1, Length("path")))
    return pages.live().exclude(Exists(covering))


@pytest.mark.django_db
def test_the_written_rules_select_what_the_orms_subqueries_select(homes):
    from wagtail.models import Collection, CollectionViewRestriction

    from core.visibility import public_documents, restricted_collections
    from documents.models import LibraryDocument
    from portal.models import ContentPage
    from tests.documents.factories import LibraryDocumentFactory

    home = homes["pt"]
    shut = ContentPageFactory(parent=home, locale=home.locale, slug="shut")
    below = ContentPageFactory(parent=shut, locale=home.locale, slug="below")
    ContentPageFactory(parent=home, locale=home.locale, slug="shutter")  # a longer slug: open
    ContentPageFactory(parent=home, locale=home.locale, slug="draft", live=False)
    PageViewRestriction.objects.create(page=shut, restriction_type="login")
    root = Collection.get_first_root_node()
    closed = root.add_child(name="closed")
    inner = closed.add_child(name="inner")
    open_one = root.add_child(name="open")
    CollectionViewRestriction.objects.create(collection=closed, restriction_type="login")
    for collection in (root, closed, inner, open_one):
        LibraryDocumentFactory(collection=collection)

    for pages in (Page.objects.all(), ContentPage.objects.all(), home.get_children()):
        written = set(public_pages(pages).values_list("pk", flat=True))
        assert written == set(orm_public_pages(pages).values_list("pk", flat=True))
    assert shut.pk not in written and below.pk not in set(public_pages(Page.objects.all()))
    as_subquery = Page.objects.filter(pk__in=public_pages(Page.objects.all()).values("pk"))
    assert set(as_subquery) == set(orm_public_pages(Page.objects.all()))

    orm_rule = LibraryDocument.objects.exclude(collection__in=restricted_collections())
    written = public_documents(LibraryDocument.objects.all())
    assert set(written) == set(orm_rule)
    assert {d.collection_id for d in written} == {root.pk, open_one.pk}


@pytest.mark.django_db
def test_the_rules_cost_little_to_build_and_compile():
    """Each rule is on every menu, footer and list: as ORM subqueries they added about 1,200
    and 1,400 Python calls (1 ms of CPU) to a query, written out they add about 200."""
    from core.visibility import public_documents
    from documents.models import LibraryDocument

    pages = python_calls(lambda: public_pages(Page.objects.all()))
    assert pages - python_calls(lambda: Page.objects.live()) < 400
    documents = python_calls(lambda: public_documents(LibraryDocument.objects.all()))
    assert documents - python_calls(lambda: LibraryDocument.objects.all()) < 400
