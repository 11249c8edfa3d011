"""The Redis cache: django-redis, failing fast and degrading to a cache miss.

django-redis keeps one redis-py client per connection pool (Django's own RedisCache built one
per call, a third of a cached page's time), documents IGNORE_EXCEPTIONS (a connection error or
time-out reads as a miss and drops the write) and get_redis_connection() for the content
version's script (core/shared_version.py). Short socket time-outs (settings/env.py) bound what
one call to a Redis that does not answer costs; after such a failure the pool refuses at once
for RETRY_SECONDS, so a dead or hung Redis costs each worker one time-out every few seconds,
not one per cache call, and is used again by itself once it answers.
"""

import time

from redis import ConnectionPool, Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

RETRY_SECONDS = 5  # after a failure, how long Redis is skipped before it is tried again
FAILURES = (RedisConnectionError, RedisTimeoutError)


class FailFastPool(ConnectionPool):
    """A connection pool that, once Redis failed, refuses at once for retry_seconds."""

    def __init__(self, *args, retry_seconds=RETRY_SECONDS, **kwargs):
        super().__init__(*args, **kwargs)
        self.retry_seconds = retry_seconds
        self.down_until = 0.0

    def mark_down(self):
        now = time.monotonic()
        if now >= self.down_until:  # a refusal during the pause does not lengthen it
            self.down_until = now + self.retry_seconds

    def get_connection(self, *args, **kwargs):
        if time.monotonic() < self.down_until:
            raise RedisConnectionError("Redis failed moments ago; it is tried again shortly")
        try:
            return super().get_connection(*args, **kwargs)
        except FAILURES:
            self.mark_down()
            raise


class FailFastRedis(Redis):
    """A client whose failed command (a time-out on an open connection too) marks its pool down."""

    def execute_command(self, *args, **options):
        try:
            return super().execute_command(*args, **options)
        except FAILURES:
            if isinstance(self.connection_pool, FailFastPool):
                self.connection_pool.mark_down()
            raise
