from django import template
from django.utils.formats import date_format
from django.utils.translation import get_language

register = template.Library()

LONG_DATE = {"pt": r"j \d\e F \d\e Y", "en": "j F Y"}


@register.filter
def long_date(value):
    """A date in words: '4 de dezembro de 2018', '4 December 2018'."""
    if not value:
        return ""
    language = get_language() or "pt"
    text = date_format(value, LONG_DATE.get(language, "j F Y"))
    # Month names are lower case in European Portuguese (Django's catalogue capitalises them).
    return text.lower() if language == "pt" else text


@register.filter
def month_year(value):
    """A month in words: 'outubro de 2026', 'October 2026'."""
    if not value:
        return ""
    text = date_format(value, "YEAR_MONTH_FORMAT")
    return text.lower() if get_language() == "pt" else text
