"""After a restore nothing cached from before it may be served: the content version moves past
both the restored number and the one pages were cached under, and every cache is cleared (a
cache shared by several servers, such as Redis, is cleared for all of them)."""

import logging

from django.core.cache import caches

from core.models import ContentVersion

logger = logging.getLogger(__name__)


def version_before_restore():
    """The highest number anything may have been cached under: the row's or Redis's copy."""
    stored = ContentVersion.stored()
    try:
        return max(stored, ContentVersion.current())
    except Exception:  # a cache that is down holds nothing to outdate
        logger.warning("Content version not read from the cache before the restore")
        return stored


def invalidate_caches(version_before):
    """Sets the version to max(restored, before) + 1, clears the caches; returns the version."""
    number = max(ContentVersion.stored(), version_before) + 1
    ContentVersion.objects.update_or_create(pk=1, defaults={"number": number})
    for cache in caches.all(initialized_only=False):
        try:
            cache.clear()  # the version's Redis copy goes too: the next reader copies the row
        except Exception:  # the bump already outdates what it held
            logger.exception("Cache not cleared after the restore")
    return number
