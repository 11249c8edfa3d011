"""What every feed of the portal shares: items under a live list page of the active language."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language

from core.navigation import live_page_of_type

FEED_SIZE = 30


def index_page_or_404(model, request=None):
    """The live page of that type in the active language, which items link under; with a
    request, also a restricted one that the request may see."""
    page = live_page_of_type(model, get_language(), for_request=request)
    if page is None:
        raise Http404
    return page


class ListingFeed(Feed):
    """A feed of the items listed on the live page of `index_model` in the active language."""

    index_model = None

    def get_object(self, request, *args, **kwargs):
        return index_page_or_404(self.index_model)

    def link(self, index):
        return index.url

    def item_title(self, item):
        return item.title


def atom(feed_class):
    """The same feed in Atom."""
    return type(
        f"Atom{feed_class.__name__}",
        (feed_class,),
        {"feed_type": Atom1Feed, "subtitle": feed_class.description},
    )
