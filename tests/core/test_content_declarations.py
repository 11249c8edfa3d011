"""Apps declare which records pages show; the page cache follows, naming no app."""

from django.apps import apps

import pytest

from core.page_cache import is_content


@pytest.mark.parametrize(
    "label, shown",
    [
        ("documents.LibraryDocument", True),
        ("documents.Webinar", True),
        ("casestudies.Sector", True),
        ("portal.Organisation", True),
        ("buyers.NewsletterPage", True),
        ("editorial.PortalSettings", True),  # a model's own declaration
        ("buyers.Subscriber", False),  # a model opting out of its app's
        ("buyers.SupportRequest", False),  # a visitor's request or its triage changes no page
        ("buyers.NewsletterIssue", True),  # the archive lists sent issues
        ("editorial.DocumentDownload", False),  # an app that declares nothing
        ("core.ContentVersion", False),
        ("search.SearchEntry", False),
        ("wagtailcore.Page", True),
        ("wagtailcore.CollectionViewRestriction", True),
        ("wagtailcore.Revision", False),
        ("wagtailredirects.Redirect", True),
    ],
)
def test_records_shown_on_pages_are_declared(label, shown):
    assert is_content(apps.get_model(label)) is shown
