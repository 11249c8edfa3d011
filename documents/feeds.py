"""RSS and Atom feeds of new documents and of webinars, in the active language."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.feeds import FEED_SIZE, ListingFeed

from .models import DocumentLibraryPage, LibraryDocument, Webinar, WebinarIndexPage


def as_datetime(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


class DocumentFeed(ListingFeed):
    title = _("Procure+i: new documents")
    description = _("Documents newly added to the Procure+i library.")
    index_model = DocumentLibraryPage

    def items(self, library):
        documents = list(LibraryDocument.objects.listed().order_by("-created_at")[:FEED_SIZE])
        library.add_detail_urls(documents)
        return documents

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
    index_model = WebinarIndexPage

    def items(self, index):
        webinars = list(Webinar.objects.order_by("-starts_on")[:FEED_SIZE])
        for webinar in webinars:
            webinar.detail_url = index.webinar_url(webinar)
        return webinars

    def item_pubdate(self, item):
        return as_datetime(item.starts_on)

    def item_categories(self, item):
        return [item.get_format_display()]
