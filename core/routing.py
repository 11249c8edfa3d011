"""Wagtail's own serve view, with its tree walk done once per content version, not per request.

Wagtail finds a page by reading the site, the locale, then one or two queries per address
segment (core/models/base.py: one below a single-type index), and checks view restrictions with
one more. Here the page a walk reaches is kept in the cache under its address, for the current
content version (any change to a page, site, locale or restriction bumps it:
core/page_cache.py), so a moved, renamed, unpublished or newly
restricted page is never found by an old walk. Only unrestricted pages are kept; a restricted
one always takes Wagtail's own path and check. The page is then served by wagtail.views.serve
itself, with its on_serve_page and before_serve_page hooks; procureplus/urls.py places this
module's address before Wagtail's own, which it leaves whole. Handing the remembered site and
route to Wagtail is the one internal step, in core/wagtail_internals.py (docs/upgrading.md).
"""

import hashlib
import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Q
from django.http import Http404
from django.http.request import split_domain_port
from django.urls import re_path
from django.utils.translation import get_language

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from core import wagtail_internals
from core.prepared import Prepared, PreparedFamily
from core.versioned_cache import remember, versioned_key


def find_site(request):
    """Site.find_for_request's site, remembered per host and port for the content version;
    read once per request."""
    if hasattr(request, "routed_site"):
        return request.routed_site
    hostname = split_domain_port(request.get_host())[0]  # checked against ALLOWED_HOSTS
    port = request.get_port()
    port = int(port) if port.isdigit() else None  # a junk port matches no site's port
    site = remember(request, f"site:{hostname}:{port}", lambda: site_for(hostname, port))
    wagtail_internals.preset_site(request, site)
    request.routed_site = site
    return site


def site_for(hostname, port):
    """The site Wagtail serves at that host name and port (its documented order, in
    Site.find_for_request): the site of both; else the default site if it has that name; else
    the one site of that name; else the default site; else None. Read by a prepared queryset
    (core/prepared.py): Wagtail's own ranks the sites in SQL the ORM took 0.8 ms to build."""
    sites = SITES_NAMED(hostname)
    named = [site for site in sites if site.hostname == hostname]
    default = [site for site in sites if site.is_default_site]
    for site in named:
        if site.port == port:
            return site
    if len(sites) == 1 or (default and default[0] in named):
        return sites[0] if len(sites) == 1 else default[0]
    if default:
        return named[0] if len(named) == 1 else default[0]
    return None


# The sites of a host name, and the default site.
SITES_NAMED = Prepared(
    lambda hostname: Site.objects.filter(
        Q(hostname=hostname) | Q(is_default_site=True)
    ).select_related("root_page")
)


def route_key(request, site, components):
    address = "/".join(components)
    if len(address) > 150:  # a cache key stays short (memcached's limit is 250)
        address = hashlib.sha256(address.encode()).hexdigest()
    return versioned_key(request, f"route:{site.pk}:{get_language()}:{address}")


def cached_route(request, components):
    """The RouteResult from the nearest remembered page on the way, Http404, or None."""
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
                return page.route(request, rest)
            except Http404:
                return Http404
    return None


def remember_route(request, components, page):
    """Keeps the page a walk reached, marked unrestricted, if no view restriction covers it."""
    site = Site.find_for_request(request)  # found by the walk: no query
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
    # Only this page is known to be unrestricted, not a child a later request reaches below it
    # (core/models/base.py: BasePage.get_view_restrictions).
    page.known_unrestricted = True
    key = route_key(request, site, components[:consumed])
    cache.set(key, (page, below_routable), settings.FRAGMENT_CACHE_SECONDS)


def walk(request, components):
    """Page.route_for_request's walk from the site's root page in the active language, that
    page read with its own fields in one query (Wagtail's `root_page.localized.specific` reads
    the locale, the translation and then the specific page: one to three queries); None for
    no page. The home page found is kept for the menu (core.navigation.home_page)."""
    site = find_site(request)
    if site is None:
        return None
    code, home = localized_root(site.root_page)
    if home is None:  # not translated, or not live: Wagtail's own reading and its fallback
        home = site.root_page.localized.specific
    else:
        request.routed_home = (code, home)
    try:
        return home.route(request, components)
    except Http404:
        return None


def localized_root(root):
    """(language code, the live translation of a site's root page in the active language,
    specific), or (None, None)."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False) or root.specific_class is None:
        return None, None
    try:
        code = get_supported_content_language_variant(get_language())
    except LookupError:
        return None, None
    pages = LOCALIZED_ROOTS((root.specific_class,), root.pk, code)
    return code, next(iter(pages), None)


def localized_roots(model):
    """The live pages of that type that translate the page of that id into the language."""

    def build(pk, code):
        keys = Page.objects.filter(pk=pk).values("translation_key")
        return model.objects.filter(translation_key__in=keys, locale__language_code=code, live=True)

    return build


LOCALIZED_ROOTS = PreparedFamily(localized_roots)  # per page type of a site's root page


def serve(request, path):
    """wagtail.views.serve, the page found through the cache when it can."""
    components = [component for component in path.split("/") if component]
    found = cached_route(request, components)
    if found is Http404:
        raise Http404
    if found is None:
        found = walk(request, components)
        if found is None:
            raise Http404
    wagtail_internals.preset_route(request, found)  # Wagtail's serve view takes it as found
    if not getattr(found[0], "known_unrestricted", False):  # walked, or a child of a kept page
        remember_route(request, components, found[0])
    return wagtail_views.serve(request, path)


def serve_pattern():
    """Wagtail's page pattern, less the first segments of Wagtail's other addresses (_util/),
    which go on to Wagtail's own URLs behind this one."""
    others = {
        str(pattern.pattern).lstrip("^").split("/")[0]
        for pattern in wagtail_urls.urlpatterns
        if getattr(pattern, "callback", None) is not wagtail_views.serve
    }
    if not others:
        return wagtail_urls.serve_pattern
    skipped = "|".join(re.escape(segment) for segment in sorted(others))
    return rf"^(?!(?:{skipped})/){wagtail_urls.serve_pattern.removeprefix('^')}"


# In front of Wagtail's own URLs (procureplus/urls.py), which stay whole behind it.
urlpatterns = [re_path(serve_pattern(), serve, name="wagtail_serve")]
