"""The content version mirrored in Redis, so a cached page is served without the database.

The database row (core/models/content_version.py) stays the source of truth: a bump writes
the row, then, once committed, copies the new number here. Every write goes through one Lua
script that stores a number only if it is greater than the one held, so two bumps arriving
out of order, or a re-seed racing a bump, never move the version backwards. When the key is
missing (Redis restarted, flushed, or the key expired) the next reader copies the row in and
reads the row again afterwards: a bump committed meanwhile is never lost. The key expires
after SECONDS, bounding how long a bump whose copy failed (Redis down at that moment) goes
unseen. Without a Redis cache (SQLite and local memory, one server's tests) the row is read,
on SQLite only when something was committed since (core/local_version.py), and so it is while
Redis fails (core/degraded.py logs it once a minute). A cached page reads the version and the
page in one round trip (read_with).
"""

from contextlib import suppress

from django.core.cache import caches

from django_redis import get_redis_connection
from django_redis.cache import RedisCache
from redis.exceptions import RedisError

from core import degraded, local_version

# Outside the cache's deploy-version prefix: a number, not a pickle, and servers of the old
# and the new release running side by side in a rolling deploy must read the same one.
KEY = "procureplus:content_version"
SECONDS = 60  # a re-read of the row a minute, for a whole cluster, is nothing
LOCAL = object()  # read_with's value without a Redis cache: the caller reads its cache

# SET the key to ARGV[1] (with ARGV[2] seconds to live) unless it holds a number at least as
# great; returns the number the key holds afterwards.
SET_IF_GREATER = """
local held = tonumber(redis.call('GET', KEYS[1]))
local offered = tonumber(ARGV[1])
if held ~= nil and held >= offered then
    return held
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return offered
"""


def redis_and_key():
    """The Redis client of the default cache and the version's key, or (None, None)."""
    if not isinstance(caches["default"], RedisCache):
        return None, None
    # The primary (write=True) even for reads: a replica may lag behind a bump.
    return get_redis_connection("default", write=True), KEY


def set_if_greater(client, key, number):
    return int(client.eval(SET_IF_GREATER, 1, key, number, SECONDS))


def read(read_row):
    """The current version: Redis's copy, or the row (read_row()) copied into Redis; the row
    alone while Redis fails."""
    client, key = redis_and_key()
    if client is None:
        return local_version.read(read_row)
    try:
        return read_through(client, key, read_row)
    except RedisError as error:
        return row_while_failing(read_row, error)


def read_with(read_row, other_key):
    """The version and the raw value Redis holds at other_key (a full cache key; None if none),
    in one round trip (MGET): a cached page costs one, not two. Without a Redis cache the value
    is LOCAL (the caller reads its cache); while Redis fails, the row and None."""
    client, key = redis_and_key()
    if client is None:
        return local_version.read(read_row), LOCAL
    try:
        held, value = client.mget(key, other_key)
        if held is None:  # expired or flushed: copied from the row, as read() does
            return read_through(client, key, read_row), value
        return int(held), value
    except RedisError as error:
        return row_while_failing(read_row, error), None


def row_while_failing(read_row, error):
    degraded.warn("content version", "read from the database, Redis failing (%s)", error)
    return read_row()


def read_through(client, key, read_row):
    held = client.get(key)
    if held is not None:
        return int(held)
    seeded = set_if_greater(client, key, read_row())
    # A bump that committed before that copy landed may have been flushed away with the old
    # key: read the row again, after the copy, and keep the greater.
    return set_if_greater(client, key, max(seeded, read_row()))


def publish(number):
    """Copies a committed bump into Redis; a failure only delays it until the key expires."""
    client, key = redis_and_key()
    if client is None:
        return
    try:
        set_if_greater(client, key, number)
    except RedisError as error:
        degraded.warn("content version", "%s not copied to Redis (%s)", number, error)
        with suppress(RedisError):
            client.delete(key)  # the next reader copies the row in
