"""Whole public pages cached for anonymous visitors, per address and language.

Every stored page carries the ContentVersion number it was rendered under, and any change to
published content bumps it once the change is committed: a page of another version is never
served, the next request renders afresh, whichever worker or server made the change. A hit
reads the version and the page in one Redis round trip (core/shared_version.py), or on SQLite
the page alone while nothing was committed (core/local_version.py). A transaction bumps the
version once however many records it saves, then queues the warm-up of the pages most asked
for (core/page_warmup.py).
"""

import hashlib
import threading
import time
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.models import Page, RevisionMixin
from wagtail.signals import post_page_move

from core import shared_version, wagtail_internals
from core.collection_moves import collection_moved
from core.models import ContentVersion
from core.page_warmup import CHANGED_PAGES_LIMIT, warm_pages

UNCACHED_PREFIXES = ("/admin/", "/documents/", "/api/", "/healthz", "/readyz")
# Wagtail's own records that pages show. The project's apps declare theirs: an AppConfig or a
# model with `shown_on_pages = True` (a model may say False to opt out of its app's choice).
WAGTAIL_CONTENT_MODELS = {
    "wagtailcore": {
        "page",
        "site",
        "locale",
        "collection",
        "pageviewrestriction",
        "collectionviewrestriction",
    },
    "wagtailredirects": {"redirect"},
}
HEADER = "X-Page-Cache"
# How long one request may take to refresh an expired page before another may try.
REFRESH_LOCK_SECONDS = 30
# What saving a draft writes on the live row: Wagtail's list, kept in core/wagtail_internals.py.
DRAFT_FIELDS = wagtail_internals.DRAFT_FIELDS


def is_cacheable_request(request):
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES  # editors never share pages
        and "messages" not in request.COOKIES  # a flash message is for one visitor
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path_info.startswith(UNCACHED_PREFIXES)
    )


def is_cacheable_response(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies  # e.g. a CSRF cookie: the page holds a per-visitor token
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


def holds_csrf_token(request):
    """The page rendered a form's CSRF token. The CSRF middleware sets its cookie only after this
    middleware has seen the response, so the response's cookies cannot tell."""
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))


def is_tracking(parameter):
    """utm_source, fbclid, ...: they change nothing on the page (a name ending in _ is a prefix)."""
    return any(
        parameter.startswith(ignored) if ignored.endswith("_") else parameter == ignored
        for ignored in settings.PAGE_CACHE_IGNORED_PARAMETERS
    )


def cache_address(request):
    """The address without tracking parameters, the others in a fixed order. (Not
    build_absolute_uri, a twentieth of a hit with Redis: a key needs no IRI quoting.)"""
    kept = ()
    if request.META.get("QUERY_STRING"):  # most hits have none: no QueryDict parsed
        kept = sorted(
            (name, value)
            for name, values in request.GET.lists()
            if not is_tracking(name)
            for value in values
        )
    query = f"?{urlencode(kept)}" if kept else ""
    return f"{request.scheme}://{request.get_host()}{request.path}{query}"


def page_key(request):
    """One key per address, whatever the version: the entry says which version it holds."""
    return f"page:{hashlib.sha256(cache_address(request).encode()).hexdigest()}"


def stored_page(request, key):
    """The page stored under key for the current version, or None; sets request.content_version
    (core/versioned_cache.py), which a render after a miss reuses."""
    backend = caches["default"]
    if hasattr(request, "content_version"):  # read already, e.g. by a test with no database
        version, value = request.content_version, shared_version.LOCAL
    else:
        version, value = shared_version.read_with(ContentVersion.stored, backend.make_key(key))
        request.content_version = version
    if value is shared_version.LOCAL:
        entry = backend.get(key)
    else:  # the raw value of django-redis's key: decoded as its get() decodes it
        entry = None if value is None else backend.client.decode(value)
    # (response, fresh until, version): anything else is a miss, e.g. an older release's
    # entry, and so is a page of another version, older or newer.
    if isinstance(entry, tuple) and len(entry) == 3 and entry[2] == version:
        return entry
    return None


class AnonymousPageCacheMiddleware:
    """Serves and stores pages. A page is kept for PAGE_CACHE_SECONDS and then, for as long
    again, as an old copy: the first request after it runs out renders it anew while every other
    request meanwhile is served the old copy, so an expiry costs one render, not one per
    concurrent visitor (a content change is a new key: never served old)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or not is_cacheable_request(request):
            return self.get_response(request)
        key = page_key(request)
        entry = stored_page(request, key)
        version = request.content_version
        lock = f"{key}:{version}:refresh"
        if entry is not None:
            response, fresh_until, _version = entry
            if time.time() < fresh_until:
                response[HEADER] = "hit"
                return response
            if not cache.add(lock, 1, REFRESH_LOCK_SECONDS):
                response[HEADER] = "stale"  # another request is rendering it
                return response
        try:
            response = self.get_response(request)
            # A page rendered for a campaign link may carry its parameters in links: not stored.
            tracked = any(is_tracking(name) for name in request.GET)
            if is_cacheable_response(response) and not holds_csrf_token(request) and not tracked:
                cache.set(key, (response, time.time() + seconds, version), 2 * seconds)
                response[HEADER] = "miss"
        finally:
            if entry is not None:
                cache.delete(lock)
        return response


def is_content(model):
    """Whether a change to this model's records can change what a page shows."""
    if model.__module__ == "__fake__":  # a migration's historical model: nothing is served yet
        return False
    meta = model._meta
    if meta.app_label in WAGTAIL_CONTENT_MODELS:
        return meta.model_name in WAGTAIL_CONTENT_MODELS[meta.app_label]
    app_says = getattr(apps.app_configs.get(meta.app_label), "shown_on_pages", False)
    return getattr(model, "shown_on_pages", app_says)


class PendingChanges(threading.local):
    """This thread's changes not yet published: None, or the ids of the pages changed."""

    page_ids = None


pending = PendingChanges()


def record_change(instance=None):
    """Bumps the version once the transaction commits; several changes, one bump."""
    if pending.page_ids is None:
        pending.page_ids = set()
    if isinstance(instance, Page) and instance.pk:
        pending.page_ids.add(instance.pk)
    # One callback per change: a rolled-back savepoint drops its own, never an earlier one's.
    transaction.on_commit(publish_changes)


def publish_changes():
    page_ids, pending.page_ids = pending.page_ids, None
    if page_ids is None:
        return  # an earlier callback of the same commit published these changes
    version = ContentVersion.bump()
    if settings.PAGE_CACHE_SECONDS:
        # After the bump's own callback, which copies the new version to Redis.
        page_ids = sorted(page_ids)[:CHANGED_PAGES_LIMIT]
        transaction.on_commit(lambda: warm_pages.enqueue(version, page_ids))


def content_changed(sender, instance=None, update_fields=None, **kwargs):
    if update_fields and isinstance(instance, RevisionMixin) and set(update_fields) <= DRAFT_FIELDS:
        return  # a draft saved: the live record is unchanged until it is published
    if is_content(sender):
        record_change(instance)


def page_moved(sender, instance=None, **kwargs):
    record_change(instance)


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"page_cache_{signal}")
    post_page_move.connect(page_moved, dispatch_uid="page_cache_page_moved")
    # A collection moved (under a restricted one, or out): its documents' visibility changed.
    collection_moved.connect(page_moved, dispatch_uid="page_cache_collection_moved")
