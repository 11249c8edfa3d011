"""The "Ask Procure+i" address that names a document or webinar whose original is not held."""

from urllib.parse import urlencode

from django.apps import apps

from portal.navigation import live_page_of_type


def ask_url(title, language):
    """The support form in that language with ?document=<title>, or "" when there is none."""
    # Looked up by name: buyers is a sibling app, not a base of this one.
    page = live_page_of_type(apps.get_model("buyers", "SupportRequestPage"), language)
    if page is None:
        return ""
    return f"{page.url}?{urlencode({'document': title})}"
