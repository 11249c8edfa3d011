"""The library's lists of documents, as prepared querysets (core/prepared.py): a page of the
list by its filters, the count of what it lists with the years of the year filter, and the
second formats of the documents shown.

Django's prefetch machinery cost a page of 20 documents more than the query it runs (a related
manager and a queryset per document): one prepared query reads every second format instead.
"""

from collections import defaultdict

from django.db.models import Q, Sum
from django.utils.translation import get_language

from core.prepared import PreparedFamily
from core.visibility import InOpenCollection

from .library_document import LibraryDocument
from .tally import DocumentTally

FILTERS = ("category", "language", "year")
PREPARED_PAGES = 10  # the first pages, those visitors read, are kept; deeper ones built each time


def filtered_by(category=None, language=None, year=None):
    """The library's filters as one condition (none given: every document)."""
    condition = Q()
    if category:
        condition &= Q(category=category)
    if language:
        condition &= Q(file_language__in=[language, "both"])
    if year:
        condition &= Q(published_year=year)
    return condition


def library_documents(category=None, language=None, year=None, sort="newest"):
    """The listed documents under the library's filters, in the order asked."""
    documents = LibraryDocument.objects.listed().defer("text_content")  # text: a whole file
    documents = documents.filter(filtered_by(category, language, year))
    if sort == "title":  # else the model's own order: newest first
        documents = documents.order_by(f"title_{get_language()}", "pk")
    return documents


# One shape per filters given, order and page: the filters' values are the prepared values.
PAGE_OF_DOCUMENTS = PreparedFamily(
    lambda names, sort, bottom, size: (
        lambda *values: library_documents(sort=sort, **dict(zip(names, values, strict=True)))[
            bottom : bottom + size
        ]
    )
)

# The years of the public documents, newest first, each with how many documents the filters list
# in it: the year filter's choices and the count in one query, over the tally's rows (tally.py),
# not the documents. No translated field, so read as Django reads values.
LISTING_FACTS = PreparedFamily(
    lambda names: (
        lambda *values: (
            DocumentTally.objects.filter(InOpenCollection("collection_id"))
            .order_by("-published_year")
            .values("published_year")
            .annotate(
                public=Sum("documents"),
                listed=Sum(
                    "documents",
                    filter=Q(second_format=False)
                    & filtered_by(**dict(zip(names, values, strict=True))),
                ),
            )
            .values_list("published_year", "public", "listed")
        )
    )
)


def given(filters):
    """The names of the filters given and their values, in FILTERS' order (a shape's key)."""
    names = tuple(name for name in FILTERS if filters[name])
    return names, [filters[name] for name in names]


def listing_facts(filters):
    """(How many documents the library lists under these filters, the years of every public
    document newest first: the year filter's choices, whatever the filters.)"""
    names, values = given(filters)
    rows = LISTING_FACTS((names,), *values)
    years = [year for year, public, _listed in rows if public and year is not None]
    return sum(listed or 0 for _year, _public, listed in rows), years


# The public second formats of some documents (the ODT of a DOCX template), by file name; one
# shape per number of documents, at most a page's.
SECOND_FORMATS = PreparedFamily(
    lambda count: (
        lambda *ids: (
            LibraryDocument.objects.public()
            .defer("text_content")
            .filter(format_of_id__in=ids)
            .order_by("file")
        )
    )
)


def page_of_documents(filters, page):
    """The documents of a paginator's page (`page.object_list` unread), with their formats."""
    if page.number > PREPARED_PAGES or not page.paginator.count:
        return with_formats(page.object_list)
    names, values = given(filters)
    size = page.paginator.per_page
    shape = (names, filters["sort"], (page.number - 1) * size, size)
    return with_formats(PAGE_OF_DOCUMENTS(shape, *values))


def with_formats(documents):
    """The documents as a list, each with its public second formats as `formats`."""
    documents = list(documents)
    formats = defaultdict(list)
    if documents:
        ids = [document.pk for document in documents]
        for other in SECOND_FORMATS((len(ids),), *ids):
            formats[other.format_of_id].append(other)
    for document in documents:
        document.formats = formats[document.pk]
    return documents
