"""Sites loaded before issue 25 get the chooser's corrected texts, unless staff rewrote them."""

import importlib

from django.apps import apps

from wagtail.rich_text import RichText

import pytest

from buyers.models import ProcedureChooserPage

migration = importlib.import_module("buyers.migrations.0006_chooser_texts_per_path")
OLD_NEGOTIATION = migration.REPLACEMENTS[3][0]


def set_summary(page, key, text):
    for block in page.recommendations:
        if block.value["recommendation"] == key:
            block.value["summary"] = RichText(text)


@pytest.mark.django_db
def test_old_texts_are_corrected_and_staff_texts_kept(portal_content):
    page = ProcedureChooserPage.objects.get(locale__language_code="pt")
    set_summary(page, "competitive-negotiation", OLD_NEGOTIATION + " com os concorrentes.</p>")
    set_summary(page, "competitive-dialogue", "<p>Texto reescrito pelos editores.</p>")
    page.save_revision().publish()

    migration.apply(migration.REPLACEMENTS)(apps, None)

    page.refresh_from_db()
    summaries = {b.value["recommendation"]: b.value["summary"].source for b in page.recommendations}
    assert "Consegue fixar" not in summaries["competitive-negotiation"]
    assert summaries["competitive-negotiation"].startswith("<p>No procedimento de negociação")
    assert summaries["competitive-dialogue"] == "<p>Texto reescrito pelos editores.</p>"
    assert "Consegue fixar" not in str(page.live_revision.content)
    assert "Consegue fixar" not in str(page.latest_revision.content)


@pytest.mark.django_db
def test_the_fixtures_hold_every_corrected_text(portal_content):
    """What the migration writes is what a new site loads: nothing old is left in either."""
    texts = "".join(str(p.recommendations.raw_data) for p in ProcedureChooserPage.objects.all())
    for old, new in migration.REPLACEMENTS:
        assert old not in texts
        assert new in texts
