"""The site search page and its title suggestions, in the active language."""

import difflib

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control

from wagtail.models import Page, get_page_models

from core.listing import clean_choice, paginate, query_without
from core.navigation import live_page_of_type
from core.routing import find_site
from core.versioned_cache import versioned_key
from search import promotions, registry, statistics
from search.models import SearchEntry, kind_choices
from search.query import WORD, cached_search, clean_query, entries_in_order, without_promoted
from search.stemming import fold

PER_PAGE = 10


def useful_pages(language):
    """The live pages offered when nothing is found: page types with `offered_when_nothing_found`
    (a number, smallest first)."""
    models = sorted(
        (m for m in get_page_models() if getattr(m, "offered_when_nothing_found", None)),
        key=lambda m: m.offered_when_nothing_found,
    )
    return [page for model in models if (page := live_page_of_type(model, language))]


def attach_urls(entries, request, language):
    """Give each entry the address of what it stands for: one cache read for the whole page,
    and a few queries for the entries whose address this content version has not seen yet."""
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if not seconds:
        find_urls(entries, request, language)
        return
    keys = {
        entry.pk: versioned_key(request, f"search-url:{language}:{entry.kind}:{entry.object_id}")
        for entry in entries
    }
    found = cache.get_many(list(keys.values()))
    missing = [entry for entry in entries if keys[entry.pk] not in found]
    find_urls(missing, request, language)
    cache.set_many({keys[entry.pk]: entry.url for entry in missing}, seconds)
    for entry in entries:
        if entry.pk in keys and keys[entry.pk] in found:
            entry.url = found[keys[entry.pk]]


def find_urls(entries, request, language):
    """Give each entry the address of what it stands for, a few queries for the whole page."""
    if not entries:
        return
    by_kind = {}
    for entry in entries:
        by_kind.setdefault(entry.kind, []).append(entry)
    page_ids = [e.object_id for e in entries if not registry.source_for_kind(e.kind)]
    pages = Page.objects.in_bulk(page_ids)
    find_site(request)  # read once as core.routing reads it; each page's get_url reuses it
    for kind, items in by_kind.items():
        source = registry.source_for_kind(kind)
        if source is None:
            for entry in items:
                page = pages.get(entry.object_id)
                entry.url = page.get_url(request) if page else ""
            continue
        records = source.model.objects.in_bulk([e.object_id for e in items])
        urls = source.urls(list(records.values()), language)
        for entry in items:
            entry.url = urls.get(entry.object_id, "")


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
    kinds = kind_choices()
    kind = clean_choice(request.GET, "type", [value for value, _label in kinds])
    promoted = promotions.promoted(request, language, query) if query and not kind else []
    ids = cached_search(request, language, query, kind) if query else []
    results = paginate(without_promoted(ids, language, promoted), request.GET, PER_PAGE)
    results.object_list = entries_in_order(results.object_list)
    attach_urls(results.object_list, request, language)
    found = results.paginator.count + len(promoted)
    context = {
        "query": query,
        "kind": kind,
        "kinds": kinds,
        "results": results,
        "promoted": promoted if results.number == 1 else [],
        "found": found,
        "page_query": query_without(request.GET, "page"),
    }
    if query and not found:
        context["suggestion"] = did_you_mean(language, query)
        context["useful_pages"] = useful_pages(language)
    response = render(request, "search/search.html", context)
    return statistics.mark(response, request, query, language, found)


def typed_in_title(title, typed):
    """Every typed word starts a word of the title, accents and case aside."""
    words = [fold(word) for word in WORD.findall(title)]
    return all(any(word.startswith(part) for word in words) for part in typed)


@cache_control(max_age=300)
def suggest_view(request):
    """Up to eight titles matching what the visitor has typed, for the search box: pages, FAQ
    questions, glossary terms…, those whose title holds every typed word first."""
    query = clean_query(request.GET.get("q", ""))
    titles = []
    if len(query) >= 2:
        typed = [fold(word) for word in WORD.findall(query)]
        entries = entries_in_order(cached_search(request, get_language(), query, prefix=True)[:40])
        entries.sort(key=lambda entry: not typed_in_title(entry.title, typed))  # stable
        for entry in entries:
            if entry.title not in titles:
                titles.append(entry.title)
            if len(titles) == 8:
                break
    return JsonResponse({"query": query, "titles": titles})
