"""An issue as a subscriber gets it: its mail's addresses, its text and HTML, its preview."""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

from buyers.models.newsletter import NewsletterPage
from core.navigation import live_page_of_type


def newsletter_page(language):
    return live_page_of_type(NewsletterPage, language)


class IssueLinks:
    """The absolute addresses an issue's mails need, looked up once per batch."""

    def __init__(self, issue):
        self.page = newsletter_page(issue.language)
        if self.page is None:
            self.root = settings.WAGTAILADMIN_BASE_URL
            self.page_url = self.archive_url = self.root + "/"
            return
        _site, self.root, path = self.page.get_url_parts()
        self.page_url = self.root + path
        self.archive_url = self.root + path + self.page.archive_subpage(issue)

    def unsubscribe_page(self, subscriber):
        """The visible link: a page that asks before it deletes the address."""
        if self.page is None:
            return self.page_url
        return self.page_url + self.page.token_subpage(
            "unsubscribe", subscriber.unsubscribe_token()
        )

    def one_click(self, subscriber):
        """The List-Unsubscribe address: a POST there unsubscribes at once (RFC 8058)."""
        token = subscriber.unsubscribe_token()
        address = self.root + reverse("newsletter_one_click_unsubscribe", args=[token])
        # The answer's language once the address is gone (a second POST): the subscriber's.
        return address + "?" + urlencode({"lang": subscriber.language})


def render_issue(issue, links, unsubscribe_url):
    """(plain text, HTML) of the issue as a subscriber gets it, in the issue's language."""
    context = {
        "issue": issue,
        "items": [block.value for block in issue.items],
        "unsubscribe_url": unsubscribe_url,
        "archive_url": links.archive_url,
        "newsletter_url": links.page_url,
    }
    with translation.override(issue.language):
        text = render_to_string("emails/newsletter_issue.txt", context)
        html = render_to_string("emails/newsletter_issue.html", context)
    return text, html


def preview_response(issue, mode):
    """The issue in the browser, as it will be mailed: HTML, or the plain-text part."""
    links = IssueLinks(issue)
    text, html = render_issue(issue, links, links.page_url)
    if mode == "text":
        return HttpResponse(text, content_type="text/plain; charset=utf-8")
    return HttpResponse(html)
