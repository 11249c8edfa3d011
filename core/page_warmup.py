"""After a change, the pages most asked for are rendered into the new version's page cache.

The warm-up renders each address through the whole middleware stack as an anonymous GET to
WAGTAILADMIN_BASE_URL (the portal's public address) would arrive, so the page cache computes
the very key a visitor's request computes and stores the page only if it would store theirs.
Which addresses: the changed pages and their ancestors, the site's home page in each language,
and the pages apps register with `register_warm_pages` in AppConfig.ready() (the library's
first page). One task per content version; a task whose version is no longer current warms
only its changed pages (the newer version's task warms the rest).
"""

import io
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.http.request import split_domain_port, validate_host
from django.utils import translation

from wagtail.models import Page, Site

from django_tasks import task

from core.models import ContentVersion
from core.visibility import public_pages

WARM_PAGES = []  # callables returning a queryset of pages to keep warm
# A transaction that changed more pages is a bulk load: only this many of them are rendered.
CHANGED_PAGES_LIMIT = 20
logger = logging.getLogger(__name__)


def register_warm_pages(pages):
    """pages(): a queryset of pages rendered after every change (e.g. the library's index)."""
    WARM_PAGES.append(pages)


def site_homes():
    """The default site's home page in every language."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return Page.objects.none()
    return Page.objects.filter(translation_key=site.root_page.translation_key)


def ancestors(pages):
    """The ancestors of the pages below the tree's root, nearest first."""
    paths = {
        page.path[:length]
        for page in pages
        for length in range(2 * Page.steplen, len(page.path), Page.steplen)
    }
    return public_pages(Page.objects.filter(path__in=paths)).order_by("-depth", "path")


def warm_paths(page_ids, everything=True):
    """The addresses to render, each once, the changed pages' first."""
    changed = Page.objects.filter(pk__in=page_ids[:CHANGED_PAGES_LIMIT])
    pages = list(public_pages(changed).order_by("path"))
    if everything:
        pages.extend(ancestors(pages))
        for pages_of_an_app in [site_homes, *WARM_PAGES]:
            pages.extend(public_pages(pages_of_an_app()).order_by("path"))
    paths = {}
    for page in pages:
        _site_id, _root_url, path = page.get_url_parts() or (None, None, None)
        if path:
            paths.setdefault(path, None)
    return list(paths)


def anonymous_request(base_url, path):
    """A GET of base_url + path as a visitor's browser sends it through the proxy."""
    parts = urlsplit(base_url)
    https = parts.scheme == "https"
    environ = {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "HTTP_HOST": parts.netloc,
        "SERVER_NAME": parts.hostname,
        "SERVER_PORT": str(parts.port or (443 if https else 80)),
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": parts.scheme,
        "wsgi.input": io.BytesIO(),
    }
    if https and settings.SECURE_PROXY_SSL_HEADER:
        header, value = settings.SECURE_PROXY_SSL_HEADER
        environ[header] = value
    return WSGIRequest(environ)


def public_address():
    """WAGTAILADMIN_BASE_URL, if ALLOWED_HOSTS lets a request to it through; else None."""
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    domain, _port = split_domain_port(urlsplit(base_url).netloc)
    if not validate_host(domain, settings.ALLOWED_HOSTS):
        logger.warning("Pages not warmed: %s is not in ALLOWED_HOSTS", base_url)
        return None
    return base_url


@task()
def warm_pages(version, page_ids):
    """Renders the pages most asked for into content version `version`'s page cache."""
    base_url = public_address()
    if not settings.PAGE_CACHE_SECONDS or base_url is None:
        return
    everything = ContentVersion.current() == version  # else a newer task follows
    handler = BaseHandler()
    handler.load_middleware()
    # Run inside an editor's request (TASKS_IMMEDIATE), it must leave that request's language.
    with translation.override(translation.get_language()):
        for path in warm_paths(page_ids, everything):
            # No response.close(): it would signal a request's end, closing the database
            # connection of the request this task may run in.
            response = handler.get_response(anonymous_request(base_url, path))
            if response.status_code != 200:
                logger.warning("Warming %s answered %s", path, response.status_code)
