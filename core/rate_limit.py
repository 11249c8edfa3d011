"""A limit on public POSTs per client address, kept in the shared cache.

While the cache (Redis) fails nothing is counted and every POST goes through: the forms keep
working, and core.degraded logs it once a minute.
"""

import time

from django.conf import settings
from django.core.cache import cache

from core import degraded
from core.views import too_many_requests

ADMIN_PREFIX = "/admin/"  # staff forms: django-axes guards the login, the rest needs one


def client_address(request):
    """The visitor's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address the
    outermost of them saw (each proxy appends to X-Forwarded-For; entries left of it are forged)."""
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if count and len(forwarded) >= count and forwarded[-count]:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")


def count_post(key, window):
    """This window's count with this POST, or None when the cache failed (django-redis answers
    None for a command it could not run)."""
    added = cache.add(key, 1, timeout=window)
    if added is None:
        return None
    if added:
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired since add(): a new window
        return 1


class PublicPostRateLimitMiddleware:
    """At most PUBLIC_POST_RATE_LIMIT POSTs per address in each PUBLIC_POST_RATE_WINDOW."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and not request.path_info.startswith(ADMIN_PREFIX):
            window = settings.PUBLIC_POST_RATE_WINDOW
            key = f"post-rate:{client_address(request)}:{int(time.time() // window)}"
            count = count_post(key, window)
            if count is None:
                degraded.warn("rate limit", "public POSTs not counted, the cache is failing")
            elif count > settings.PUBLIC_POST_RATE_LIMIT:
                response = too_many_requests(request)
                response["Retry-After"] = str(window)
                return response
        return self.get_response(request)
