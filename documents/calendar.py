"""iCalendar (RFC 5545) files for webinars, built with icalendar, in the active language."""

import datetime

from django.utils import timezone
from django.utils.translation import get_language

from icalendar import Calendar, Event


def plain_text(text):
    """Line breaks as LF only: icalendar escapes LF and CRLF, but would pass a lone CR through."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def new_calendar(name=""):
    calendar = Calendar()
    calendar.add("prodid", f"-//Procure+i//Webinars//{get_language().upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:  # the name calendar apps show for a subscription
        calendar.add("name", plain_text(name))
        calendar.add("x-wr-calname", plain_text(name))
    return calendar


def webinar_event(webinar, url, stamp):
    """One webinar as an event; its UID stays the same for the webinar in this language."""
    event = Event()
    event.add("uid", f"webinar-{webinar.pk}-{get_language()}@procureplus")
    event.add("dtstamp", stamp)
    if webinar.starts_at:  # Lisbon time, written with its TZID and a VTIMEZONE
        event.add("dtstart", webinar.starts_at)
        event.add("dtend", webinar.ends_at or webinar.starts_at + datetime.timedelta(hours=1))
    else:  # only the day is known: an all-day event
        event.add("dtstart", webinar.starts_on)
        event.add("dtend", webinar.starts_on + datetime.timedelta(days=1))
    event.add("summary", plain_text(webinar.title))
    if webinar.description:
        event.add("description", plain_text(webinar.description))
    event.add("url", url)
    return event


def calendar_bytes(calendar, webinars):
    """The file, with a VTIMEZONE for Lisbon covering only the years of these webinars."""
    days = [webinar.starts_on for webinar in webinars]
    if days:
        margin = datetime.timedelta(days=366)
        calendar.add_missing_timezones(first_date=min(days) - margin, last_date=max(days) + margin)
    return calendar.to_ical()


def webinar_ics(webinar, url):
    """The calendar file of one webinar."""
    calendar = new_calendar()
    calendar.add_component(webinar_event(webinar, url, timezone.now()))
    return calendar_bytes(calendar, [webinar])


def webinars_ics(webinars, url_of, name):
    """A subscribable calendar of the given webinars; url_of(webinar) gives each one's page."""
    calendar = new_calendar(name)
    calendar.add("refresh-interval", datetime.timedelta(days=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    stamp = timezone.now()
    webinars = list(webinars)
    for webinar in webinars:
        calendar.add_component(webinar_event(webinar, url_of(webinar), stamp))
    return calendar_bytes(calendar, webinars)
