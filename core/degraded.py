"""When a part fails: pages go on without Redis, and answer 503 without the database.

Redis (caches, the content version's copy, the rate limit) is optional: the request goes on
without it, and a warning is logged at most once a minute per part. The database is not: a
request it fails gets a 503 page (core/views.py), and the failure is logged (and mailed to
ADMINS) at most once a minute, so an outage leaves one line a minute, not one per request.
"""

import logging
import sqlite3
import threading
import time

from django.db.utils import InterfaceError, OperationalError

try:
    import psycopg
except ImportError:  # pragma: no cover - SQLite-only installs
    psycopg = None

INTERVAL = 60  # seconds between two log lines about the same part
DATABASE_ERRORS = (OperationalError, InterfaceError, sqlite3.OperationalError) + (
    (psycopg.OperationalError, psycopg.InterfaceError) if psycopg else ()
)
logger = logging.getLogger(__name__)
_last_logged = {}
_lock = threading.Lock()


def due(part):
    """True at most once per INTERVAL for each part: whether to log about it now."""
    now = time.monotonic()
    with _lock:
        last = _last_logged.get(part)
        if last is not None and now - last < INTERVAL:
            return False
        _last_logged[part] = now
        return True


def warn(part, message, *args):
    """Logs `message` about `part` unless a line about it was logged in the last INTERVAL."""
    if due(part):
        logger.warning(f"{part}: {message}", *args)


def forget():
    """The next failure of every part is logged at once (tests)."""
    with _lock:
        _last_logged.clear()


def database_unavailable(error):
    """Whether `error`, or one it was raised from or while handling, says the database cannot
    be reached or used (connection refused or lost, server shutting down, locked, time-out)."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, DATABASE_ERRORS):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


class CacheErrorsFilter(logging.Filter):
    """On django-redis's logger (DJANGO_REDIS_LOGGER): each error it ignored (a read answered
    as a miss, a write dropped) becomes at most one warning a minute, without the traceback."""

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        warn("cache", "Redis unreachable, reads are misses and writes are dropped (%s)", error)
        return False


class DatabaseDownFilter(logging.Filter):
    """On django.request: requests failed by an unreachable database are logged once a minute."""

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        return not database_unavailable(error) or due("database")
