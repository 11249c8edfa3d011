"""Practical guides: the index lists them, a guide shows its review date and legal basis."""

import datetime
import re

from django.core.exceptions import ValidationError

import pytest

from portal.models import GuideIndexPage, GuidePage
from tests.html import read_page
from tests.portal.factories import ContentPageFactory, GuideIndexPageFactory, GuidePageFactory

REVIEWED = {"pt": "Revisto em 6 de dezembro de 2026", "en": "Last reviewed 6 December 2026"}
BASIS = {"pt": "Base legal", "en": "Legal basis"}


def text_of(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def under(parent, factory, **kwargs):
    return factory(parent=parent, locale=parent.locale, **kwargs)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_guide_shows_review_date_contents_and_legal_basis(client, homes, code):
    index = under(homes[code], GuideIndexPageFactory)
    guide = under(
        index,
        GuidePageFactory,
        title="Consult the market",
        body=[("heading", "Publish a notice"), ("heading", "Keep records")],
    )
    response = client.get(guide.url)
    assert response.status_code == 200
    assert read_page(response).lang == code
    html = response.content.decode()
    assert REVIEWED[code] in text_of(html)
    assert '<time datetime="2026-12-06">' in html
    assert '<a href="#publish-a-notice">Publish a notice</a>' in html
    assert f'<h2 id="legal-basis">{BASIS[code]}</h2>' in html
    assert "Código dos Contratos Públicos, artigo 35.º-A" in html
    assert 'href="https://diariodarepublica.pt/dr/legislacao-consolidada/' in html


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_index_lists_live_guides_in_tree_order_with_their_dates(client, homes, code):
    index = under(homes[code], GuideIndexPageFactory)
    first = under(index, GuidePageFactory, title="Thresholds")
    second = under(index, GuidePageFactory, title="Award criteria")
    draft = under(index, GuidePageFactory, title="Unpublished guide", live=False)
    response = client.get(index.url)
    assert [g.pk for g in response.context["guides"]] == [first.pk, second.pk]
    html = response.content.decode()
    assert first.url in html and second.url in html
    assert draft.title not in html
    assert html.count('<time datetime="2026-12-06">') == 2


@pytest.mark.django_db
def test_guide_without_legal_sources_has_no_empty_legal_basis(client, homes):
    index = under(homes["en"], GuideIndexPageFactory)
    guide = under(index, GuidePageFactory, legal_basis=[])
    html = client.get(guide.url).content.decode()
    assert 'id="legal-basis"' not in html


@pytest.mark.django_db
def test_page_tree_rules(homes):
    assert GuideIndexPage.can_create_at(homes["pt"])
    index = under(homes["pt"], GuideIndexPageFactory)
    content = under(homes["pt"], ContentPageFactory)
    assert GuidePage.can_create_at(index)
    assert not GuidePage.can_create_at(content)
    assert not GuidePage.can_create_at(homes["pt"])
    assert not GuideIndexPage.can_create_at(content)
    assert GuidePage.allowed_subpage_models() == []


@pytest.mark.django_db
def test_review_date_is_required_and_must_be_a_date(homes):
    index = under(homes["pt"], GuideIndexPageFactory)
    guide = under(index, GuidePageFactory)
    guide.last_reviewed = None
    with pytest.raises(ValidationError) as missing:
        guide.full_clean()
    assert "last_reviewed" in missing.value.error_dict
    guide.last_reviewed = "6 Dec"
    with pytest.raises(ValidationError) as junk:
        guide.full_clean()
    assert "last_reviewed" in junk.value.error_dict
    guide.last_reviewed = datetime.date(2026, 12, 6)
    guide.full_clean()


@pytest.mark.django_db
def test_legal_source_block_rejects_an_address_that_is_not_one(homes):
    block = GuidePage.legal_basis.field.stream_block.child_blocks["source"]
    with pytest.raises(ValidationError):
        block.clean({"provision": "CCP, art. 20.º", "source": "DRE", "url": "javascript:alert(1)"})
    with pytest.raises(ValidationError):
        block.clean({"provision": "", "source": "DRE", "url": "https://dre.pt/"})


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_junk_query_strings_do_not_break_the_pages(client, homes, code):
    index = under(homes[code], GuideIndexPageFactory)
    guide = under(index, GuidePageFactory)
    for url in (index.url, guide.url):
        assert client.get(url, {"page": "%00'\"<x>", "q": "x" * 2000}).status_code == 200
