import datetime

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language

register = template.Library()

LONG_DATE = {"pt": r"j \d\e F \d\e Y", "en": "j F Y"}


@register.filter
def long_date(value):
    """A date in words: '4 de dezembro de 2018', '4 December 2018'.

    The one date format of public pages and mails; a moment in time is first put in the
    portal's time zone, so a mail sent at 00:30 in Lisbon says that day.
    """
    if not value:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
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


@register.simple_tag
def today_long():
    """Today's date in words, in the portal's time zone (the date of a printed decision note)."""
    return long_date(timezone.localdate())
