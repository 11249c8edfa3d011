"""What an anonymous visitor may see: the one rule every public channel applies.

A page is public when it is live and no PageViewRestriction covers it, its own or an
ancestor's: `public_pages(queryset)`, the rule of Wagtail's `live().public()` in the same
query (Wagtail's reads the restrictions first, one query more on every page). A document is
public when neither its collection nor any ancestor collection carries a
CollectionViewRestriction of any type (login, password, groups): `public_documents(queryset)`
and `document_is_public(document)`, which the library's `objects.public()` and `is_public()`
call too.
"""

from django.db.models import BooleanField, Exists, OuterRef
from django.db.models.functions import Length, Substr

from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from core.written_sql import WrittenSQL


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
    return documents.filter(InOpenCollection("collection_id"))


def document_is_public(document):
    """The rule of `public_documents` for one document (any collection member); one query."""
    return not restricted_collections().filter(pk=document.collection_id).exists()


def public_pages(pages):
    """The live pages of a page queryset that no view restriction covers; no extra query."""
    return pages.live().filter(Uncovered("path"))


class WrittenRule(WrittenSQL):
    """A rule of this module about one column, as a condition whose SQL is written here (the
    same SQL as the ORM's, tests/core/test_visibility_plan.py)."""

    conditional = True

    def __init__(self, column):
        super().__init__(column, output_field=BooleanField())

    def written(self, columns, name):
        return self.template(*columns, name), []


class Uncovered(WrittenRule):
    """No restricted page's tree path starts the page's path (the column)."""

    def template(self, path, name):
        covering = f"{name('covering')}.{name('path')}"
        # The restricted pages by id first: joined the other way, SQLite with statistics (ANALYZE)
        # scanned the whole page tree for every page checked (half a second on the case index).
        return (
            f"NOT EXISTS(SELECT 1 FROM {name(Page._meta.db_table)} {name('covering')}"  # noqa: S608
            f" WHERE {name('covering')}.{name('id')} IN (SELECT {name('page_id')}"
            f" FROM {name(PageViewRestriction._meta.db_table)})"
            f" AND {covering} = SUBSTR({path}, 1, LENGTH({covering})))"
        )


class InOpenCollection(WrittenRule):
    """The collection (the column) and its ancestors carry no view restriction."""

    def template(self, collection_id, name):
        table = name(Collection._meta.db_table)
        restrictions = name(CollectionViewRestriction._meta.db_table)
        path, covering = f"{name('c')}.{name('path')}", f"{name('covering')}.{name('path')}"
        return (
            f"NOT ({collection_id} IN (SELECT {name('c')}.{name('id')} FROM {table} {name('c')}"  # noqa: S608
            f" WHERE EXISTS(SELECT 1 FROM {restrictions} {name('r')} INNER JOIN {table}"
            f" {name('covering')} ON ({name('r')}.{name('collection_id')}"
            f" = {name('covering')}.{name('id')})"
            f" WHERE {covering} = SUBSTR({path}, 1, LENGTH({covering})))))"
        )


def restrictions_accept(request, collection):
    """The request passes every restriction on the collection and its ancestors."""
    return all(r.accept_request(request) for r in collection.get_view_restrictions())
