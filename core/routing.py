"""Wagtail's page serving, with its tree walk done once per content version, not per request.

Wagtail finds a page by reading the site, the locale, then one or two queries per address
segment, and checks view restrictions with two more. Here the page a walk reaches is kept in
the cache under its address, for the current content version (any change to a page, site,
locale or restriction bumps it: core/page_cache.py), so a moved, renamed, unpublished or newly
restricted page is never found by an old walk. Only unrestricted pages are kept; a restricted
one always takes Wagtail's own path and check.
"""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.http.request import split_domain_port
from django.urls import re_path
from django.utils.translation import get_language

from wagtail import hooks
from wagtail import urls as wagtail_urls
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.views import serve_chain
from wagtail.wagtail_hooks import check_view_restrictions

from core.versioned_cache import remember, versioned_key


def find_site(request):
    """Site.find_for_request, remembered per host and port."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request.get_host())[0]  # checked against ALLOWED_HOSTS
        name = f"site:{hostname}:{request.get_port()}"
        request._wagtail_site = remember(request, name, lambda: Site._find_for_request(request))
    return request._wagtail_site


def route_key(request, site, components):
    address = "/".join(components)
    if len(address) > 150:  # a cache key stays short (memcached's limit is 250)
        address = hashlib.sha256(address.encode()).hexdigest()
    return versioned_key(request, f"route:{site.pk}:{get_language()}:{address}")


def cached_route(request, components):
    """(RouteResult, remembered page) from the nearest remembered page on the way, else None."""
    site = find_site(request)
    if site is None or not settings.FRAGMENT_CACHE_SECONDS:
        return None
    keys = {route_key(request, site, components[:n]): n for n in range(len(components), -1, -1)}
    found = cache.get_many(list(keys))
    for key, consumed in keys.items():  # the longest address first
        if key in found:
            page, below_routable = found[key]
            rest = components[consumed:]
            if rest and below_routable:
                return None  # a routable ancestor might take the longer address: Wagtail decides
            try:
                return page.route(request, rest), page
            except Http404:
                return Http404
    return None


def remember_route(request, components, page):
    """Keeps the page a walk reached, if no view restriction covers it."""
    site = find_site(request)
    if site is None or not settings.FRAGMENT_CACHE_SECONDS:
        return
    if page.get_view_restrictions().exists():
        return
    consumed = page.depth - Page.objects.get(pk=site.root_page_id).depth
    walked = Page.objects.ancestor_of(page).filter(depth__gte=page.depth - consumed)
    below_routable = any(
        issubclass(ContentType.objects.get_for_id(type_id).model_class(), RoutablePageMixin)
        for type_id in walked.values_list("content_type_id", flat=True)
    )
    key = route_key(request, site, components[:consumed])
    cache.set(key, (page, below_routable), settings.FRAGMENT_CACHE_SECONDS)


def serve(request, path):
    """wagtail.views.serve, finding the page through the cache when it can."""
    components = [component for component in path.split("/") if component]
    found = cached_route(request, components)
    if found is Http404:
        raise Http404
    result, remembered = found or (None, None)
    if result is None:
        result = Page.route_for_request(request, path)
        if result is None:
            raise Http404
    # Only the remembered page itself is known to be unrestricted, not a child reached below it.
    known_public = remembered is not None and result[0].pk == remembered.pk
    if not known_public:
        remember_route(request, components, result[0])
    request._wagtail_route_for_request = result
    page, args, kwargs = result

    chain = serve_chain
    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        if known_public and wrap is check_view_restrictions:
            continue  # checked when the page was remembered; no restriction covers it
        chain = wrap(chain)
    for before in hooks.get_hooks("before_serve_page"):
        response = before(page, request, args, kwargs)
        if isinstance(response, HttpResponse):
            return response
    return chain(page, request, args, kwargs)


# Wagtail's front-end URLs, its page-serving view replaced by the one above.
urlpatterns = [
    *wagtail_urls.urlpatterns[:-1],
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
]
