"""The "Ask Procure+i" address that names a document or webinar whose original is not held."""

from urllib.parse import urlencode

from wagtail.models import get_page_models

from core.navigation import live_page_of_type


def ask_url(title, language):
    """The request form in that language with ?document=<title>, or "" when there is none.

    The form is any page type that says `takes_document_requests` (the buyers' support form):
    found by that, not by name, as buyers is a sibling of this app.
    """
    for model in get_page_models():
        if getattr(model, "takes_document_requests", False):
            page = live_page_of_type(model, language)
            if page is not None:
                return f"{page.url}?{urlencode({'document': title})}"
    return ""
