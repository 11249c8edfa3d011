"""The Redis the tests use: TEST_REDIS_URL, else REDIS_URL when set (give each checkout its own
db), else db 15. CI gives each of its two concurrent test runs its own TEST_REDIS_URL."""

import os

import pytest

REDIS_URL = (
    os.environ.get("TEST_REDIS_URL") or os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"
)


def redis_or_skip():
    """A client of the tests' Redis db, emptied; skips the test when Redis is not running."""
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.flushdb()
    except redis.ConnectionError:
        pytest.skip(f"Redis is not running at {REDIS_URL}")
    return client


class RedisProcess:
    """A redis-server of the test's own on a free loopback port, stopped and started at will
    (a Redis that dies mid-run, then comes back); nothing persisted."""

    def __init__(self, tmp_path):
        import shutil

        if not shutil.which("redis-server"):
            pytest.skip("redis-server is not installed")
        from tests.mail_server import free_port

        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.folder = tmp_path
        self.process = None

    def start(self):
        import subprocess
        import time

        import redis

        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        for _ in range(100):
            try:
                client.ping()
                return self
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
