"""core.blocks.PageChooserBlock: Wagtail's page chooser, its pages read by a prepared query."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail import blocks as wagtail_blocks
from wagtail.models import Page

import pytest

from core.blocks import PageChooserBlock, PageLinkBlock
from tests.portal.factories import ContentPageFactory


@pytest.fixture
def pages(homes):
    return [ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale) for _ in range(3)]


@pytest.mark.django_db
def test_the_pages_are_wagtails_in_the_values_order(pages):
    first, second, third = pages
    values = [third.pk, None, first.pk, 999_999, third.pk, second.pk]
    ours = PageChooserBlock().bulk_to_python(values)
    theirs = wagtail_blocks.PageChooserBlock().bulk_to_python(values)
    assert [page and page.pk for page in ours] == [page and page.pk for page in theirs]
    assert [type(page) for page in ours] == [type(page) for page in theirs]  # plain pages
    assert ours[0] is not ours[4]  # a page chosen twice: two instances, as Wagtail gives


@pytest.mark.django_db
def test_a_kept_shape_reads_the_pages_in_one_query(pages):
    block = PageChooserBlock()
    ids = [page.pk for page in pages]
    block.bulk_to_python(ids)
    with CaptureQueriesContext(connection) as queries:
        assert [page.pk for page in block.bulk_to_python(ids[::-1])] == ids[::-1]
    assert len(queries) == 1
    with CaptureQueriesContext(connection) as queries:
        assert block.bulk_to_python([None]) == [None]
    assert len(queries) == 0


@pytest.mark.django_db
def test_a_page_type_or_ids_as_text_take_wagtails_own_reading(pages):
    typed = PageChooserBlock(page_type="portal.ContentPage")
    assert [page.pk for page in typed.bulk_to_python([pages[0].pk])] == [pages[0].pk]
    assert type(typed.bulk_to_python([pages[0].pk])[0]) is not Page  # the type's own rows
    as_text = [str(pages[1].pk)]
    theirs = wagtail_blocks.PageChooserBlock().bulk_to_python(as_text)
    assert PageChooserBlock().bulk_to_python(as_text) == theirs


def test_migrations_name_wagtails_block():
    path, _args, _kwargs = PageLinkBlock().child_blocks["page"].deconstruct()
    assert path == "wagtail.blocks.PageChooserBlock"  # .ci/run checks no migration is missing
