"""The switcher, hreflang alternates and <html lang> on pages with and without translations."""

import pytest

from tests.html import read_page
from tests.portal.factories import ContentPageFactory


@pytest.mark.django_db
def test_root_redirects_by_browser_language(client, homes):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="pt-PT,pt;q=0.9")["Location"] == "/pt/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="pt-BR")["Location"] == "/pt/"


@pytest.mark.django_db
@pytest.mark.parametrize("header", [None, "fr-FR,fr;q=0.9", "de", "*", "xx-;;q=garbage"])
def test_root_defaults_to_portuguese(client, homes, header):
    extra = {"HTTP_ACCEPT_LANGUAGE": header} if header else {}
    response = client.get("/", **extra)
    assert response.status_code == 302
    assert response["Location"] == "/pt/"


@pytest.mark.django_db
def test_untranslated_page_links_to_nearest_translated_ancestor(client, homes):
    section_pt = ContentPageFactory(parent=homes["pt"], slug="guia", locale=homes["pt"].locale)
    section_en = ContentPageFactory(
        parent=homes["en"],
        slug="guide",
        locale=homes["en"].locale,
        translation_key=section_pt.translation_key,
    )
    only_pt = ContentPageFactory(parent=section_pt, slug="so-em-portugues", title="Só em português")

    response = client.get(only_pt.url)
    parts = read_page(response)
    assert response.status_code == 200
    assert parts.lang == "pt"
    assert parts.switcher["en"] == section_en.url
    assert "en" not in parts.alternates  # no false alternate for a missing translation
    assert "Esta página existe apenas numa língua" in response.content.decode()


@pytest.mark.django_db
def test_translated_page_has_no_one_language_notice(client, homes):
    for code in ("pt", "en"):
        html = client.get(homes[code].url).content.decode()
        assert 'role="note"' not in html


@pytest.mark.django_db
def test_draft_translation_is_not_offered(client, homes):
    page_pt = ContentPageFactory(parent=homes["pt"], slug="rascunho", locale=homes["pt"].locale)
    ContentPageFactory(
        parent=homes["en"],
        slug="draft",
        locale=homes["en"].locale,
        translation_key=page_pt.translation_key,
        live=False,
    )
    parts = read_page(client.get(page_pt.url))
    assert parts.switcher["en"] == "/en/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "text"), [("pt", "Saltar para o conteúdo"), ("en", "Skip to content")]
)
def test_interface_strings_follow_the_page_language(client, homes, code, text):
    html = client.get(homes[code].url).content.decode()
    assert text in html


@pytest.mark.django_db
def test_translations_are_found_by_their_key_without_reading_every_page(homes):
    """PostgreSQL reads the chain's keys first, as an array, so the key's index serves them: as
    IN (subquery) beside the ancestors' OR it scanned the whole page tree (core/navigation.py)."""
    from django.db import connection

    from core.navigation import language_rows

    section = ContentPageFactory(parent=homes["pt"], slug="guia", locale=homes["pt"].locale)
    translation = ContentPageFactory(
        parent=homes["en"],
        locale=homes["en"].locale,
        translation_key=section.translation_key,
    )
    ContentPageFactory(parent=homes["en"], locale=homes["en"].locale)  # no translation of it
    rows = language_rows(section.locale_id, section.path, homes["pt"].path)
    assert sorted(row.pk for row in rows) == sorted(
        [homes["pt"].pk, homes["en"].pk, translation.pk]
    )
    sql = str(rows.query)
    assert ("= ANY(ARRAY(SELECT" in sql) == (connection.vendor == "postgresql")
