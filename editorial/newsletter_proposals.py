"""What a new newsletter issue proposes: content published since the language's last sent issue.

New library documents, webinars, case studies, event reports and FAQ entries reviewed since
then, each with its full address in the issue's language. Only what a visitor may see.
"""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from buyers.models import NewsletterIssue
from casestudies.models import CaseStudyPage
from core.navigation import live_page_of_type
from core.visibility import public_pages
from documents.models import DocumentLibraryPage, LibraryDocument, WebinarIndexPage
from documents.models.webinar import Webinar
from portal.models import EventReportPage, FAQEntry, FAQPage

FIRST_ISSUE_DAYS = 90  # with no sent issue yet, the first one looks this far back
PER_KIND = 10  # at most this many items of each kind: an issue stays readable
SUMMARY_WORDS = 40


def last_sent(language):
    """When the language's last issue went out, or None."""
    issue = NewsletterIssue.objects.sent().filter(language=language).order_by("-sent_at").first()
    return issue.sent_at if issue else None


def since_for(language):
    return last_sent(language) or timezone.now() - timedelta(days=FIRST_ISSUE_DAYS)


def proposed_items(language, since=None):
    """[{kind, title, summary, link}] of what is new in `language` since `since`."""
    since = since or since_for(language)
    with translation.override(language):
        return [
            *documents(language, since),
            *webinars(language, since),
            *pages(CaseStudyPage, _("Case study"), language, since),
            *pages(EventReportPage, _("Event"), language, since),
            *faq_entries(language, since),
        ]


def item(kind, title, summary, link):
    summary = Truncator(strip_tags(summary or "")).words(SUMMARY_WORDS)
    return {"kind": str(kind), "title": str(title)[:255], "summary": summary, "link": link}


def documents(language, since):
    library = live_page_of_type(DocumentLibraryPage, language)
    if library is None:
        return []
    base = library.full_url
    found = LibraryDocument.objects.listed().filter(created_at__gte=since).order_by("-created_at")
    return [
        item(
            _("Document"),
            document.title,
            document.description,
            base + library.document_subpage(document.pk, document.title),
        )
        for document in found[:PER_KIND]
    ]


def webinars(language, since):
    """Webinars held or announced for a day since then (a webinar records no creation time)."""
    index = live_page_of_type(WebinarIndexPage, language)
    if index is None:
        return []
    base = index.full_url
    found = Webinar.objects.public().filter(starts_on__gte=since.date()).order_by("starts_on")
    return [
        item(
            _("Webinar"),
            webinar.title,
            webinar.description,
            base + index.webinar_subpage(webinar.slug),
        )
        for webinar in found[:PER_KIND]
    ]


def pages(model, kind, language, since):
    found = public_pages(model.objects.filter(locale__language_code=language))
    found = found.filter(first_published_at__gte=since).order_by("-first_published_at")
    return [
        item(kind, page.title, getattr(page, "summary", "") or page.intro, page.full_url)
        for page in found[:PER_KIND]
    ]


def faq_entries(language, since):
    """Live entries published or reviewed since then (drafts awaiting moderation never)."""
    faq = live_page_of_type(FAQPage, language)
    if faq is None:
        return []
    base = faq.full_url
    changed = Q(last_published_at__gte=since) | Q(last_reviewed__gte=since.date())
    found = FAQEntry.objects.shown_in(language).filter(changed).order_by("-last_reviewed")
    return [
        item(_("FAQ"), entry.question, entry.short_answer, f"{base}#{entry.slug}")
        for entry in found[:PER_KIND]
    ]


def as_stream(items):
    """The items as the issue's StreamField value."""
    return [("item", {k: entry[k] for k in ("title", "summary", "link")}) for entry in items]
