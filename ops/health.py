"""Addresses for monitoring and orchestrators: /healthz (the process answers) and /readyz (the
database, the cache and the file storage answer). Never cached, outside the language prefix.

/readyz answers 503 only when a part pages cannot do without fails (the database, the file
storage). Without the cache (Redis) pages are still served, slower (core/redis_cache.py): it
answers 200 with "degraded" and names the cache, so a load balancer using it keeps servers
in rotation that can serve, and monitoring still sees the failing part.
"""

import logging
import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

PROBE_FOLDER = "health"


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    key, value = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 10)
    if cache.get(key) != value:
        raise RuntimeError("the cache did not return what was stored")
    cache.delete(key)


def check_storage():
    # Write, read and delete a tiny file: a read-only or unreachable storage fails here.
    name = default_storage.save(f"{PROBE_FOLDER}/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name) as probe:
            if probe.read() != b"ok":
                raise RuntimeError("the storage did not return what was stored")
    finally:
        default_storage.delete(name)


CHECKS = {"database": check_database, "cache": check_cache, "storage": check_storage}
OPTIONAL = {"cache"}  # pages are served without it


@never_cache
@require_GET
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:  # any failure of a part means "not ready", whatever its kind
            logger.exception("readiness check failed: %s", name)
            results[name] = "failing"
        else:
            results[name] = "ok"
    failing = [name for name, result in results.items() if result != "ok"]
    essential = [name for name in failing if name not in OPTIONAL]
    status = "failing" if essential else "degraded" if failing else "ok"
    body = {"status": status, "checks": results, "failing": failing}
    return JsonResponse(body, status=503 if essential else 200)


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
]
