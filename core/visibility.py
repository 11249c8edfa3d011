"""What an anonymous visitor may see: the one rule every public channel applies.

A page is public when it is live and no PageViewRestriction covers it, its own or an
ancestor's: `public_pages(queryset)`, the rule of Wagtail's `live().public()` in the same
query (Wagtail's reads the restrictions first, one query more on every page). A document is
public when neither its collection nor any ancestor collection carries a
CollectionViewRestriction of any type (login, password, groups): `public_documents(queryset)`
and `document_is_public(document)`, which the library's `objects.public()` and `is_public()`
call too.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr

from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction


def restricted_collections():
    """Collections under a view restriction, their own or an ancestor's; a lazy queryset.

    A tree path starts with each ancestor's path, so one subquery finds them all.
    """
    covering = CollectionViewRestriction.objects.filter(
        collection__path=Substr(OuterRef("path"), 1, Length("collection__path"))
    )
    return Collection.objects.filter(Exists(covering))


def public_documents(documents):
    """The documents of a queryset whose collections carry no view restriction; no extra query."""
    return documents.exclude(collection__in=restricted_collections())


def document_is_public(document):
    """The rule of `public_documents` for one document (any collection member); one query."""
    return not restricted_collections().filter(pk=document.collection_id).exists()


def public_pages(pages):
    """The live pages of a page queryset that no view restriction covers; no extra query."""
    # The restricted pages by id first: joined the other way, SQLite with statistics (ANALYZE)
    # scanned the whole page tree for every page checked (half a second on the case index).
    restricted = Page.objects.filter(pk__in=PageViewRestriction.objects.values("page_id"))
    covering = restricted.filter(path=Substr(OuterRef("path"), 1, Length("path")))
    return pages.live().exclude(Exists(covering))


def restrictions_accept(request, collection):
    """The request passes every restriction on the collection and its ancestors."""
    return all(r.accept_request(request) for r in collection.get_view_restrictions())
