"""iCalendar (RFC 5545) files for webinars."""

import datetime

from django.utils import timezone


def escape(text):
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line):
    """Lines longer than 75 octets continue on the next line after a space."""
    data = line.encode("utf-8")
    parts = []
    while len(data) > 75:
        cut = 75 if not parts else 74
        while cut > 0 and (data[cut] & 0xC0) == 0x80:  # do not split a UTF-8 character
            cut -= 1
        parts.append(data[:cut].decode("utf-8"))
        data = data[cut:]
    parts.append(data.decode("utf-8"))
    return "\r\n ".join(parts)


def utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def webinar_ics(webinar, url):
    if webinar.starts_at:
        end = webinar.ends_at or webinar.starts_at + datetime.timedelta(hours=1)
        when = [f"DTSTART:{utc(webinar.starts_at)}", f"DTEND:{utc(end)}"]
    else:  # only the day is known: an all-day event
        next_day = webinar.starts_on + datetime.timedelta(days=1)
        when = [
            f"DTSTART;VALUE=DATE:{webinar.starts_on:%Y%m%d}",
            f"DTEND;VALUE=DATE:{next_day:%Y%m%d}",
        ]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Procure+i//Webinars//PT",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        f"UID:{webinar.slug}@procureplus",
        f"DTSTAMP:{utc(timezone.now())}",
        *when,
        f"SUMMARY:{escape(webinar.title)}",
        f"DESCRIPTION:{escape(webinar.description)}",
        f"URL:{url}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(fold(line) for line in lines) + "\r\n"
