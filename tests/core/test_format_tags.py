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
