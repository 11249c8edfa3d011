"""Prefills the support request's message from the query string (?document=<title>)."""

from django.utils.translation import gettext as _

MAX_LENGTH = 300


def requested_document(query):
    """The document named in the query string, without control characters, or ""."""
    raw = query.get("document", "")[: MAX_LENGTH * 2]
    text = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(text.split())[:MAX_LENGTH]


def prefill(query, form_fields):
    """Initial values: the first multi-line field asks for the named document's original."""
    document = requested_document(query)
    if not document:
        return {}
    message = next((f for f in form_fields() if f.field_type == "multiline"), None)
    if message is None:
        return {}
    text = _("I would like to receive the original of the document “%(document)s”.")
    return {message.clean_name: text % {"document": document}}
