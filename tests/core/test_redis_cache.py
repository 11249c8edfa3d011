"""The Redis cache makes one client per connection pool, not one per call."""

from django.core.cache import cache

import pytest

from procureplus.settings.env import cache_backend
from tests.redis_server import REDIS_URL, redis_or_skip


@pytest.fixture
def redis_cache(settings):
    redis_or_skip()
    settings.CACHES = {"default": cache_backend(REDIS_URL)}
    cache.clear()
    yield cache
    cache.clear()


def test_one_client_serves_every_call(redis_cache):
    backend = redis_cache._cache
    assert backend.get_client() is backend.get_client(write=True)
    redis_cache.set("greeting", {"pt": "olá", "en": "hello"}, 30)
    assert redis_cache.get("greeting") == {"pt": "olá", "en": "hello"}
    assert redis_cache.get_many(["greeting", "missing"]) == {
        "greeting": {"pt": "olá", "en": "hello"}
    }
    redis_cache.delete("greeting")
    assert redis_cache.get("greeting") is None
