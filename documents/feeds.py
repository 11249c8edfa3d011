"""RSS and Atom feeds of new documents, webinars and case studies, in the active language."""

import datetime

from django.apps import apps
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.navigation import live_page_of_type
from portal.visibility import public_pages

from .models import DocumentLibraryPage, LibraryDocument, Webinar, WebinarIndexPage

FEED_SIZE = 30


def index_page(model):
    """The live page of that type in the active language, which items link under."""
    page = live_page_of_type(model, get_language())
    if page is None:
        raise Http404
    return page


def as_datetime(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


class DocumentFeed(Feed):
    title = _("Procure+i: new documents")
    description = _("Documents newly added to the Procure+i library.")

    def get_object(self, request, *args, **kwargs):
        return index_page(DocumentLibraryPage)

    def link(self, library):
        return library.url

    def items(self, library):
        documents = list(LibraryDocument.objects.public().order_by("-created_at")[:FEED_SIZE])
        library.add_detail_urls(documents)
        return documents

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return item.detail_url

    def item_pubdate(self, item):
        return item.created_at

    def item_categories(self, item):
        return [item.get_category_display()]


class WebinarFeed(DocumentFeed):
    title = _("Procure+i: webinars")
    description = _("Webinars of the Procure+i competence centre.")

    def get_object(self, request, *args, **kwargs):
        return index_page(WebinarIndexPage)

    def items(self, index):
        webinars = list(Webinar.objects.order_by("-starts_on")[:FEED_SIZE])
        for webinar in webinars:
            webinar.detail_url = index.webinar_url(webinar)
        return webinars

    def item_pubdate(self, item):
        return as_datetime(item.starts_on)

    def item_categories(self, item):
        return [item.get_format_display()]


class CaseStudyFeed(DocumentFeed):
    title = _("Procure+i: case studies")
    description = _("Case studies of public procurement of innovation.")

    def get_object(self, request, *args, **kwargs):
        return index_page(apps.get_model("casestudies", "CaseStudyIndexPage"))

    def items(self, index):
        model = apps.get_model("casestudies", "CaseStudyPage")
        return (
            public_pages(model.objects.descendant_of(index))
            .select_related("procedure_type")
            .order_by("-first_published_at")[:FEED_SIZE]
        )

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [item.procedure_type.name] if item.procedure_type else []


def atom(feed_class):
    """The same feed in Atom."""
    return type(
        f"Atom{feed_class.__name__}",
        (feed_class,),
        {"feed_type": Atom1Feed, "subtitle": feed_class.description},
    )
