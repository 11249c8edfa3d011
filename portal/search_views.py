"""The site search page and its title suggestions, in the active language."""

import difflib

from django.apps import apps
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control

from wagtail.models import Page

from portal.listing import clean_choice, paginate, query_without
from portal.models import SearchEntry
from portal.navigation import live_page_of_type
from portal.search_query import clean_query, entries_in_order, search

PER_PAGE = 10
USEFUL_PAGES = (
    "portal.FAQPage",
    "portal.ModuleIndexPage",
    "casestudies.CaseStudyIndexPage",
    "documents.DocumentLibraryPage",
)


def index_page(label, language):
    return live_page_of_type(apps.get_model(label), language)


def attach_urls(entries, request, language):
    """Give each entry the address of what it stands for, a few queries for the whole page."""
    by_kind = {}
    for entry in entries:
        by_kind.setdefault(entry.kind, []).append(entry)
    pages = {
        page.pk: page
        for page in Page.objects.filter(
            pk__in=[e.object_id for e in entries if e.kind in ("page", "case_study")]
        )
    }
    for kind in ("page", "case_study"):
        for entry in by_kind.get(kind, []):
            page = pages.get(entry.object_id)
            entry.url = page.get_url(request) if page else ""
    for kind, index_label, model_label, method in (
        ("document", "documents.DocumentLibraryPage", "documents.LibraryDocument", "document_url"),
        ("webinar", "documents.WebinarIndexPage", "documents.Webinar", "webinar_url"),
    ):
        items = by_kind.get(kind, [])
        if not items:
            continue
        index = index_page(index_label, language)
        records = apps.get_model(model_label).objects.in_bulk([e.object_id for e in items])
        for entry in items:
            record = records.get(entry.object_id)
            if record is None:
                entry.url = ""
            elif index is not None:
                entry.url = getattr(index, method)(record)
            else:
                entry.url = getattr(record, "url", "")


def did_you_mean(language, query):
    """Words of indexed titles close to the query's words, as a corrected query, or ""."""
    vocabulary = {
        word.lower()
        for title in SearchEntry.objects.filter(language=language).values_list("title", flat=True)[
            :5000
        ]
        for word in title.split()
        if len(word) > 3
    }
    words = query.lower().split()
    corrected = [
        (difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75) or [word])[0]
        for word in words
    ]
    return " ".join(corrected) if corrected != words else ""


def search_view(request):
    language = get_language()
    query = clean_query(request.GET.get("q", ""))
    kind = clean_choice(request.GET, "type", SearchEntry.Kind.values)
    results = paginate(search(language, query, kind) if query else [], request.GET, PER_PAGE)
    results.object_list = entries_in_order(results.object_list)
    attach_urls(results.object_list, request, language)
    context = {
        "query": query,
        "kind": kind,
        "kinds": SearchEntry.Kind.choices,
        "results": results,
        "page_query": query_without(request.GET, "page"),
    }
    if query and not results.paginator.count:
        context["suggestion"] = did_you_mean(language, query)
        context["useful_pages"] = [
            page for label in USEFUL_PAGES if (page := index_page(label, language))
        ]
    return render(request, "search/search.html", context)


@cache_control(max_age=300)
def suggest_view(request):
    """Up to eight titles matching what the visitor has typed, for the search box."""
    query = clean_query(request.GET.get("q", ""))
    titles = []
    if len(query) >= 2:
        for entry in entries_in_order(search(get_language(), query, prefix=True)[:40]):
            if entry.title not in titles:
                titles.append(entry.title)
            if len(titles) == 8:
                break
    return JsonResponse({"query": query, "titles": titles})
