"""The Redis the tests use: REDIS_URL when set (give each checkout its own db), else db 15."""

import os

import pytest

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"


def redis_or_skip():
    """A client of the tests' Redis db, emptied; skips the test when Redis is not running."""
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.flushdb()
    except redis.ConnectionError:
        pytest.skip(f"Redis is not running at {REDIS_URL}")
    return client
