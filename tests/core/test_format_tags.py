import datetime

from django.utils import translation

import pytest

from core.templatetags.format_tags import long_date


@pytest.mark.parametrize(
    ("lang", "expected"), [("pt", "4 de dezembro de 2018"), ("en", "4 December 2018")]
)
def test_long_date_is_written_as_each_language_writes_it(lang, expected):
    with translation.override(lang):
        assert long_date(datetime.date(2018, 12, 4)) == expected


def test_long_date_of_nothing_is_empty():
    assert long_date(None) == ""


@pytest.mark.parametrize(
    ("lang", "expected"), [("pt", "6 de dezembro de 2026"), ("en", "6 December 2026")]
)
def test_a_moment_is_dated_in_the_portals_time_zone(lang, expected, settings):
    settings.TIME_ZONE = "Europe/Lisbon"
    moment = datetime.datetime(2026, 12, 6, 0, 30, tzinfo=datetime.UTC)
    with translation.override(lang):
        assert long_date(moment) == expected


def test_the_decision_note_date_is_lower_case_in_portuguese():
    from django.template import Context, Template

    with translation.override("pt"):
        text = Template("{% load format_tags %}{% today_long %}").render(Context())
    assert text == text.lower() and " de " in text
