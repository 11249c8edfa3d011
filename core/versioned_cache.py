"""Values and template fragments cached under the current ContentVersion.

Any content change bumps the version (core/page_cache.py), so a cached menu, footer or count
is never older than the content it was computed from. FRAGMENT_CACHE_SECONDS=0 turns it off.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from core.models import ContentVersion


def content_version(request):
    """The version, read once per request however many fragments ask for it."""
    if not hasattr(request, "content_version"):
        request.content_version = ContentVersion.current()
    return request.content_version


def versioned_key(request, name):
    """The cache key of `name` under the current content version."""
    return f"value:{content_version(request)}:{name}"


def remember(request, name, compute):
    """compute(), or its cached result for this content version; `name` says what it depends on."""
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if not seconds:
        return compute()
    return cache.get_or_set(versioned_key(request, name), compute, seconds)


def template_context(request):
    """For {% cache fragment_cache_seconds name content_version … %} in templates."""
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if getattr(request, "is_preview", False):
        seconds = 0  # an editor's preview shows the draft, not fragments of the published page
    # Off: no version query, and a key no stored fragment has; a timeout of 0 stores nothing.
    return {
        "content_version": SimpleLazyObject(lambda: content_version(request) if seconds else "off"),
        "fragment_cache_seconds": seconds,
    }
