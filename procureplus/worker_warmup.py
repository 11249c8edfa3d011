"""What a gunicorn worker would otherwise do on its first request, done once in the master before
it forks workers (gunicorn.conf.py's when_ready, with preload_app), so a new or recycled worker
answers its first request as fast as its thousandth.

Measured (docs/benchmarks.md, "Slow tail"): a recycled worker took 3-9 s over its first request
on the shared 2-core machine, importing the URL configuration and every view behind it,
compiling templates, reading the translation catalogues and filling Django's and Wagtail's
per-process lookups (model metadata, query compilation paths) while its queued requests
waited: the 0.5-1 s p99 of cached pages. The master renders a few pages as a visitor would ask
for them, then closes its database and cache connections before any fork, so no worker shares
one.
"""

import contextlib
import gc
import logging
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)
# Rendered once in the master: the page types most asked for (no search: it counts searches).
PAGES = ("/pt/", "/en/", "/pt/biblioteca/", "/pt/casos-de-estudo/")


def public_template_names():
    """Every template of the project's templates/ folder, by the name views load it with."""
    names = []
    for folder in settings.TEMPLATES[0]["DIRS"]:
        root = Path(folder)
        names += [str(path.relative_to(root)) for path in sorted(root.rglob("*.html"))]
    return names


def warm():
    from django.template import TemplateSyntaxError, engines
    from django.urls import get_resolver
    from django.utils import translation

    from wagtail import hooks

    resolver = get_resolver()
    resolver.reverse_dict  # noqa: B018 (imports every URL module and view, fills the lookups)
    hooks.search_for_hooks()  # imports every wagtail_hooks module
    engine = engines["django"]
    for name in public_template_names():
        # Compiled into the cached loader the workers inherit; a broken one fails on use.
        with contextlib.suppress(TemplateSyntaxError):
            engine.get_template(name)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Home")  # loads that language's catalogues
    render_pages()
    # Objects made so far live as long as the process: out of the collector's sight, so a full
    # collection in a worker neither walks them nor copies their pages (copy-on-write).
    gc.freeze()


def render_pages():
    """PAGES through the whole middleware stack, as a visitor's requests; then the master's
    database and cache connections are closed, so no worker inherits one. Pages the cache kept
    are those a visitor would have stored (under the current content version)."""
    from django.core.cache import caches
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connections
    from django.test import RequestFactory

    hosts = [host for host in settings.ALLOWED_HOSTS if host and not host.startswith((".", "*"))]
    factory = RequestFactory(HTTP_HOST=hosts[0] if hosts else "localhost")
    handler = WSGIHandler()
    try:
        for path in PAGES:
            handler.get_response(factory.get(path, secure=True))
    except Exception:  # a warm-up that fails costs the first requests time, nothing else
        logger.warning("Worker warm-up failed", exc_info=True)
    finally:
        connections.close_all()
        caches.close_all()
