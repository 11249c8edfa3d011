"""A limit on public POSTs per client address, kept in the shared cache."""

import time

from django.conf import settings
from django.core.cache import cache

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


class PublicPostRateLimitMiddleware:
    """At most PUBLIC_POST_RATE_LIMIT POSTs per address in each PUBLIC_POST_RATE_WINDOW."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and not request.path_info.startswith(ADMIN_PREFIX):
            window = settings.PUBLIC_POST_RATE_WINDOW
            key = f"post-rate:{client_address(request)}:{int(time.time() // window)}"
            if cache.add(key, 1, timeout=window):
                count = 1
            else:
                try:
                    count = cache.incr(key)
                except ValueError:  # expired since add(): a new window
                    count = 1
            if count > settings.PUBLIC_POST_RATE_LIMIT:
                response = too_many_requests(request)
                response["Retry-After"] = str(window)
                return response
        return self.get_response(request)
