"""The Redis cache, answering a miss while Redis is unreachable.

Everything the portal keeps in the cache (pages, versions, counters, django
CMS's menus and permissions) can be computed again from the database, so a
stopped Redis must make the site slower, not broken. Django's own Redis
backend raises on every call instead.

After a failed call the cache is taken as down for ``RETRY_AFTER`` seconds
and not asked at all: a page that asks the cache fifty times must not wait
fifty connection timeouts. /healthz still reports it (its read comes back
empty).

A write that failed may have been an invalidation (a content version bump,
django CMS deleting a menu), so entries from before the outage may be stale
once Redis answers again: the first call after it empties the cache.

Django's backend also builds a new redis-py client object for every call,
which costs more than the round trip of a page-cache hit; this one builds
one per connection pool and reuses it (a client is safe to share between
threads).
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)

RETRY_AFTER = 2.0
UNREACHABLE = (ConnectionError, TimeoutError)


class CacheUnavailable(Exception):
    pass


def tolerant(miss, writes=True):
    """Make a cache method answer ``miss(*args, **kwargs)`` when Redis
    cannot be reached."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                if time.monotonic() < self._down_until:
                    raise CacheUnavailable
                if self._lost_writes:
                    RedisCache.clear(self)
                    self._lost_writes = False
                    logger.warning("The cache is back; emptied it after the outage.")
                return method(self, *args, **kwargs)
            except (CacheUnavailable, *UNREACHABLE) as error:
                if not isinstance(error, CacheUnavailable):
                    self._down_until = time.monotonic() + RETRY_AFTER
                    logger.warning("The cache is unreachable: %s", error)
                self._lost_writes = self._lost_writes or writes
                return miss(*args, **kwargs)

        return wrapper

    return decorate


def missing_key(key, *args, **kwargs):
    # What incr() raises for a key that is not there.
    raise ValueError(f"Key {key!r} not found.")


def default(key, default=None, *args, **kwargs):
    return default


class ReusedClients(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients.setdefault(pool, self._client(connection_pool=pool))
        return client


class ResilientRedisCache(RedisCache):
    _down_until = 0.0
    _lost_writes = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._class = ReusedClients

    get = tolerant(default, writes=False)(RedisCache.get)
    get_many = tolerant(lambda *args, **kwargs: {}, writes=False)(RedisCache.get_many)
    has_key = tolerant(lambda *args, **kwargs: False, writes=False)(RedisCache.has_key)
    add = tolerant(lambda *args, **kwargs: False)(RedisCache.add)
    set = tolerant(lambda *args, **kwargs: None)(RedisCache.set)
    set_many = tolerant(lambda data, *args, **kwargs: list(data))(RedisCache.set_many)
    touch = tolerant(lambda *args, **kwargs: False)(RedisCache.touch)
    delete = tolerant(lambda *args, **kwargs: False)(RedisCache.delete)
    delete_many = tolerant(lambda *args, **kwargs: None)(RedisCache.delete_many)
    incr = tolerant(missing_key)(RedisCache.incr)
    clear = tolerant(lambda *args, **kwargs: False)(RedisCache.clear)

    @tolerant(lambda *args, **kwargs: 1, writes=False)
    def count(self, key, timeout):
        """Adds one to the counter under the key, which expires ``timeout``
        seconds after its first count, and returns it: one round trip
        (Django's add() and incr() take three)."""
        key = self.make_and_validate_key(key)
        pipeline = self._cache.get_client(key, write=True).pipeline(transaction=False)
        pipeline.set(key, 0, ex=timeout, nx=True)
        pipeline.incr(key)
        return pipeline.execute()[1]
