"""RSS and Atom feeds of case studies, in the active language."""

from django.utils.translation import gettext_lazy as _

from core.feeds import FEED_SIZE, ListingFeed
from core.visibility import public_pages

from .models import CaseStudyIndexPage, CaseStudyPage


class CaseStudyFeed(ListingFeed):
    title = _("Procure+i: case studies")
    description = _("Case studies of public procurement of innovation.")
    index_model = CaseStudyIndexPage

    def items(self, index):
        return (
            public_pages(CaseStudyPage.objects.descendant_of(index))
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
