"""The public-page rule stays linear in the pages checked, whatever plan SQLite picks once
it has statistics (ANALYZE): joined from the pages side, it once scanned the whole tree for
every page checked (half a second on the case index at 2,000 case studies)."""

from django.db import connection

from wagtail.models import Page, PageViewRestriction

import pytest

from core.visibility import public_pages
from tests.portal.factories import ContentPageFactory

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
