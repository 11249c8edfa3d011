"""The Redis cache (django-redis): one client per connection pool, and a Redis that fails is
skipped for a few seconds, then used again by itself."""

import time

from django.core.cache import cache

import pytest
from django_redis import get_redis_connection

from core.redis_cache import FailFastPool
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
    assert get_redis_connection() is get_redis_connection(write=False)
    assert isinstance(get_redis_connection().connection_pool, FailFastPool)
    redis_cache.set("greeting", {"pt": "olá", "en": "hello"}, 30)
    assert redis_cache.get("greeting") == {"pt": "olá", "en": "hello"}
    assert redis_cache.get_many(["greeting", "missing"]) == {
        "greeting": {"pt": "olá", "en": "hello"}
    }
    redis_cache.delete("greeting")
    assert redis_cache.get("greeting") is None


def test_a_refused_redis_is_a_miss_and_skipped_for_a_moment(settings):
    settings.CACHES = {"default": cache_backend("redis://127.0.0.1:1/0", retry_seconds=0.3)}
    pool = get_redis_connection().connection_pool
    pool.down_until = 0.0  # the pool is shared by the process: start from "up"
    assert cache.get("anything", "default") == "default"
    assert cache.set("anything", 1) is None  # dropped
    assert cache.get_many(["a", "b"]) == {}
    paused_until = pool.down_until
    assert paused_until > time.monotonic()
    cache.get("again")  # refused at once, without lengthening the pause
    assert pool.down_until == paused_until
    time.sleep(0.35)
    cache.get("after the pause")  # tried again (and refused again: nothing listens)
    assert pool.down_until > paused_until
