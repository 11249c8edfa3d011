"""schema.org data for search engines, as JSON safe to place inside a <script> element."""

import json

from django.utils.safestring import mark_safe

# Characters that must not appear raw inside a <script> element.
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def dump(data):
    return mark_safe(json.dumps(data, ensure_ascii=False, default=str).translate(SCRIPT_ESCAPES))  # noqa: S308


def webinar_event(webinar, url, language):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": webinar.title,
        "description": webinar.description,
        "url": url,
        "inLanguage": language,
        "startDate": (webinar.starts_at or webinar.starts_on).isoformat(),
        "eventAttendanceMode": {
            "online": "https://schema.org/OnlineEventAttendanceMode",
            "in_person": "https://schema.org/OfflineEventAttendanceMode",
            "hybrid": "https://schema.org/MixedEventAttendanceMode",
        }[webinar.format],
        "organizer": {"@type": "Organization", "name": "Procure+i"},
    }
    if webinar.ends_at:
        data["endDate"] = webinar.ends_at.isoformat()
    if webinar.format != "in_person":
        data["location"] = {"@type": "VirtualLocation", "url": webinar.recording_url or url}
    return dump(data)


def digital_document(document, url, file_url):
    data = {
        "@context": "https://schema.org",
        "@type": "Report" if document.category.endswith("report") else "DigitalDocument",
        "name": document.title,
        "description": document.description,
        "url": url,
        "inLanguage": ["pt", "en"] if document.file_language == "both" else document.file_language,
        "encodingFormat": document.content_type,
        "contentUrl": file_url,
        "publisher": {"@type": "Organization", "name": "Procure+i"},
    }
    if document.published_on or document.published_year:
        data["datePublished"] = str(document.published_on or document.published_year)
    return dump(data)
