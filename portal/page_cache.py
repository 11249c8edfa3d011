"""Whole public pages cached for anonymous visitors, per address and language.

Every cache key carries the ContentVersion number, and any change to published content bumps
it once the change is committed: the next request renders afresh, so nothing stale is served,
whichever worker or server made the change.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.signals import post_page_move

from portal.models import ContentVersion
from portal.versioned_cache import content_version

UNCACHED_PREFIXES = ("/admin/", "/documents/", "/api/", "/healthz", "/readyz")
CONTENT_APPS = {"portal", "documents", "casestudies", "buyers", "wagtailredirects"}
NOT_CONTENT = {"portal.ContentVersion", "buyers.Subscriber"}  # shown on no page
WAGTAIL_CONTENT_MODELS = {
    "page",
    "site",
    "locale",
    "collection",
    "pageviewrestriction",
    "collectionviewrestriction",
}
# Other apps' records that pages show (the footer's settings); download counts are not among them.
CONTENT_MODELS = {"editorial.portalsettings"}
HEADER = "X-Page-Cache"


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


def page_key(request):
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"page:{content_version(request)}:{address}"


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or not is_cacheable_request(request):
            return self.get_response(request)
        key = page_key(request)
        response = cache.get(key)
        if response is not None:
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if is_cacheable_response(response) and not holds_csrf_token(request):
            cache.set(key, response, seconds)
            response[HEADER] = "miss"
        return response


def is_content(model):
    if model.__module__ == "__fake__":  # a migration's historical model: nothing is served yet
        return False
    meta = model._meta
    if meta.label_lower in CONTENT_MODELS:
        return True
    if meta.app_label == "wagtailcore":
        return meta.model_name in WAGTAIL_CONTENT_MODELS
    return meta.app_label in CONTENT_APPS and meta.label not in NOT_CONTENT


def content_changed(sender, **kwargs):
    if is_content(sender):
        transaction.on_commit(ContentVersion.bump)


def page_moved(sender, **kwargs):
    transaction.on_commit(ContentVersion.bump)


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"page_cache_{signal}")
    post_page_move.connect(page_moved, dispatch_uid="page_cache_page_moved")
