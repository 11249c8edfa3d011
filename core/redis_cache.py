"""Django's Redis cache, keeping one redis-py client per connection pool.

Django builds a new redis.Redis client for every cache call, and building one registers some
170 response callbacks: a third of a cached page's time on a hit. A client is safe to share
(each command takes a connection from the pool), so each pool's client is made once.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusedClients(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class ReusedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClients
