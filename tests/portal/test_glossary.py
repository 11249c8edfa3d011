"""The glossary page and terms marked in rich text, with definitions that need no JavaScript."""

import re

from wagtail.rich_text import RichText

import pytest

from portal.templatetags import glossary_tags
from tests.portal.factories import ContentPageFactory, GlossaryPageFactory, GlossaryTermFactory


@pytest.fixture
def glossary(translated_pair):
    return translated_pair(GlossaryPageFactory, "glossary")


def page_with(parent, html):
    return ContentPageFactory(
        parent=parent, locale=parent.locale, body=[("paragraph", RichText(html))]
    )


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_glossary_page_lists_terms_alphabetically(client, glossary, code):
    GlossaryTermFactory(
        slug="trl", term_pt="Nível de maturidade tecnológica", term_en="Technology readiness level"
    )
    GlossaryTermFactory(slug="pcp")
    html = client.get(glossary[code].url).content.decode()
    first, second = (
        ("Contratação pré-comercial", "Nível de maturidade")
        if code == "pt"
        else ("Pre-commercial procurement", "Technology readiness level")
    )
    assert html.index(first) < html.index(second)
    assert 'id="trl"' in html and "<dfn>" in html
    if code == "en":
        assert "<abbr>PCP</abbr>" in html


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_marked_term_shows_its_definition_and_links_to_the_glossary(client, glossary, homes, code):
    GlossaryTermFactory(slug="pcp")
    page = page_with(homes[code], '<p>Use <a href="#glossary-pcp">this procedure</a> early.</p>')
    html = client.get(page.url).content.decode()
    assert f'<a href="{glossary[code].url}#pcp" aria-describedby="gdef-' in html
    assert 'role="tooltip"' in html
    definition = (
        "Contratação de serviços de I&amp;D antes de existir a solução."
        if code == "pt"
        else "Procurement of R&amp;D services before the solution exists."
    )
    assert definition in html
    assert ">this procedure</a>" in html


@pytest.mark.django_db
def test_unknown_term_keeps_the_words_without_a_broken_link(client, glossary, homes):
    page = page_with(homes["en"], '<p>See <a href="#glossary-nothing">this</a>.</p>')
    html = client.get(page.url).content.decode()
    assert "See this." in html
    assert "#glossary-nothing" not in html


@pytest.mark.django_db
def test_edited_definition_shows_on_the_next_request(client, glossary, homes):
    term = GlossaryTermFactory(slug="pcp")
    page = page_with(homes["en"], '<p><a href="#glossary-pcp">PCP</a></p>')
    client.get(page.url)
    term.definition_en = "A revised definition."
    term.save()
    assert "A revised definition." in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_definition_text_is_escaped(client, glossary, homes):
    GlossaryTermFactory(slug="x", definition_en="<script>alert(1)</script>")
    page = page_with(homes["en"], '<p><a href="#glossary-x">x</a></p>')
    assert b"<script>alert(1)" not in client.get(page.url).content


@pytest.mark.django_db
def test_definition_ids_follow_the_text_not_the_process(glossary):
    """A body cached by one server process is shown beside text rendered fresh by another."""
    GlossaryTermFactory(slug="pcp")
    first = '<p><a href="#glossary-pcp">PCP</a> and <a href="#glossary-pcp">again</a></p>'
    second = '<p>Other text on <a href="#glossary-pcp">PCP</a>.</p>'
    ids = re.compile(r'id="(gdef-[^"]+)"')
    once = ids.findall(glossary_tags.glossary(first))
    assert len(set(once)) == 2
    assert ids.findall(glossary_tags.glossary(first)) == once  # as another process renders it
    assert not set(ids.findall(glossary_tags.glossary(second))) & set(once)
