"""Every page type's whole text is indexed: all StreamField blocks, nested ones included, rich
text as text, prose fields a type does not list in search_fields; staff-only settings never.
Moving a page keeps the index exact (a restricted section's pages are not found)."""

from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

import pytest

from search.models import SearchEntry
from tests.buyers.factories import ProcedureChooserPageFactory, SupportRequestPageFactory
from tests.portal.factories import (
    ContentPageFactory,
    EventIndexPageFactory,
    EventReportPageFactory,
)


def indexed_text(page):
    return SearchEntry.objects.get(object_id=page.pk).text


def publish(page):
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_nested_blocks_are_indexed_as_plain_text(homes):
    body = [
        ("heading", "Antes do procedimento"),
        ("callout", {"title": "Convém saber", "text": RichText("<p>Consulte o <b>mercado</b>")}),
        ("page_link", {"page": homes["pt"], "label": "Ver o guia dos compradores"}),
    ]
    page = publish(ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale, body=body))
    text = indexed_text(page)
    for words in ("Antes do procedimento", "Convém saber", "Consulte o mercado", "guia dos"):
        assert words in text
    assert "<b>" not in text and "<p>" not in text


@pytest.mark.django_db
def test_stream_fields_outside_search_fields_are_indexed(homes):
    page = publish(ProcedureChooserPageFactory(parent=homes["en"], locale=homes["en"].locale))
    text = indexed_text(page)
    assert "Why" in text and "Basis of" in text and "Cons of" in text  # recommendation blocks
    assert "Help" in text  # question explanations


@pytest.mark.django_db
def test_event_place_is_indexed_and_form_settings_are_not(homes):
    events = EventIndexPageFactory(parent=homes["pt"], locale=homes["pt"].locale)
    report = publish(
        EventReportPageFactory(
            parent=events, locale=events.locale, place="Mértola", organiser="IMPIC"
        )
    )
    assert "Mértola" in indexed_text(report) and "IMPIC" in indexed_text(report)
    support = SupportRequestPageFactory(
        parent=homes["pt"], locale=homes["pt"].locale, to_address="inbox@example.pt"
    )
    publish(support)
    assert "inbox@example.pt" not in indexed_text(support)


@pytest.mark.django_db
def test_moving_a_page_under_a_restricted_section_drops_it_and_back_restores_it(homes):
    section = publish(ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale))
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    page = publish(
        ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale, intro="Dessalinização.")
    )
    assert SearchEntry.objects.filter(object_id=page.pk).exists()
    page.move(section, pos="last-child")
    assert not SearchEntry.objects.filter(object_id=page.pk).exists()
    page.refresh_from_db()
    page.move(homes["pt"], pos="last-child")
    assert SearchEntry.objects.filter(object_id=page.pk).exists()
