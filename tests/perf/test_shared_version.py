"""With a Redis cache the content version is read from Redis: a cached page needs no database,
and the version there never falls behind the database's row (core/shared_version.py)."""

from unittest import mock

from django.core.cache import cache
from django.db import connections, transaction
from django.db.models import F
from django.test.utils import CaptureQueriesContext

import pytest

from core import degraded, shared_version
from core.models import ContentVersion
from procureplus.settings.env import cache_backend
from tests.redis_server import REDIS_URL, redis_or_skip

HEADER = "X-Page-Cache"


@pytest.fixture
def redis(settings):
    """The default cache is Redis (the tests' db), empty."""
    client = redis_or_skip()
    settings.CACHES = {"default": cache_backend(REDIS_URL)}
    cache.clear()
    yield client
    cache.clear()


@pytest.fixture
def held(redis):
    """The number Redis holds for the version, or None."""
    _client, key = shared_version.redis_and_key()
    return lambda: None if redis.get(key) is None else int(redis.get(key))


@pytest.fixture
def committed_bump(django_capture_on_commit_callbacks):
    def bump():
        with django_capture_on_commit_callbacks(execute=True):
            return ContentVersion.bump()

    return bump


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_a_cached_page_is_served_without_the_database(client, settings, redis, homes, code):
    settings.PAGE_CACHE_SECONDS = 600
    assert client.get(f"/{code}/")[HEADER] == "miss"
    database = connections["default"]
    # As on PostgreSQL with CONN_HEALTH_CHECKS, at the start of a request: the check is due
    # at the first cursor (BaseDatabaseWrapper._cursor), so a hit must open none.
    with (
        CaptureQueriesContext(database) as queries,  # first: it opens the connection itself
        mock.patch.object(database, "health_check_enabled", True),
        mock.patch.object(database, "health_check_done", False),
        mock.patch.object(database, "is_usable") as is_usable,
        mock.patch.object(database, "ensure_connection") as ensure_connection,
    ):
        response = client.get(f"/{code}/")
    assert response[HEADER] == "hit"
    assert response["Content-Language"] == code
    assert len(queries) == 0
    is_usable.assert_not_called()
    ensure_connection.assert_not_called()


@pytest.mark.django_db
def test_without_redis_the_row_is_read(client, settings, homes, django_assert_num_queries):
    settings.CACHES = {"default": cache_backend("")}
    settings.PAGE_CACHE_SECONDS = 600
    client.get("/pt/")
    with django_assert_num_queries(1):
        assert client.get("/pt/")[HEADER] == "hit"


@pytest.mark.django_db
def test_a_bump_reaches_redis_once_committed(redis, held, committed_bump):
    number = committed_bump()
    assert held() == number == ContentVersion.stored() == ContentVersion.current()
    with transaction.atomic():
        ContentVersion.bump()
        assert held() == number  # not yet: the transaction may still roll back
    # (the test's own transaction never commits, so the copy never comes)
    assert held() == number


@pytest.mark.django_db
def test_a_rolled_back_change_bumps_nothing(
    redis, held, homes, committed_bump, django_capture_on_commit_callbacks
):
    before = committed_bump()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        homes["pt"].title = "Outro título"
        homes["pt"].save()
        ContentVersion.bump()
        raise RuntimeError("rolled back")
    assert callbacks == []
    assert ContentVersion.stored() == before == held() == ContentVersion.current()


@pytest.mark.django_db
def test_the_version_in_redis_never_goes_backwards(redis, held, committed_bump):
    committed_bump()
    first, second = ContentVersion.bump(), ContentVersion.bump()
    shared_version.publish(second)  # two bumps' copies arriving out of order
    shared_version.publish(first)
    assert held() == second == ContentVersion.current()
    assert shared_version.read(lambda: first) == second  # a reader's older row changes nothing


@pytest.mark.django_db
def test_a_flushed_redis_is_seeded_from_the_row(redis, held, committed_bump):
    number = committed_bump()
    redis.flushdb()
    assert ContentVersion.current() == number == held()
    assert 0 < redis.ttl(shared_version.redis_and_key()[1]) <= shared_version.SECONDS


@pytest.mark.django_db
def test_a_bump_committed_while_redis_is_seeded_is_not_lost(redis, held, committed_bump):
    """The reader reads the row, a bump commits and is copied, Redis is flushed, then the
    reader's older number arrives: the reader reads the row again and keeps the newer."""
    before = committed_bump()
    redis.flushdb()
    racing = []

    def row_read_during_a_bump():
        number = ContentVersion.stored()
        if not racing:
            racing.append(committed_bump())
            redis.flushdb()
        return number

    assert shared_version.read(row_read_during_a_bump) == before + 1 == racing[0]
    assert held() == before + 1


@pytest.mark.django_db
def test_pages_left_in_redis_never_outlive_a_lost_version(
    client, settings, redis, homes, committed_bump
):
    """The version's key is gone (expired) and a bump's copy was lost: the row decides."""
    settings.PAGE_CACHE_SECONDS = 600
    committed_bump()
    client.get("/pt/")
    assert client.get("/pt/")[HEADER] == "hit"
    ContentVersion.objects.update(number=F("number") + 1)  # committed, never copied
    redis.delete(shared_version.redis_and_key()[1])
    assert client.get("/pt/")[HEADER] == "miss"


@pytest.mark.django_db
def test_a_failed_copy_leaves_the_row_to_decide(redis, held, committed_bump, caplog):
    degraded.forget()
    committed_bump()
    number = ContentVersion.bump()
    with mock.patch.object(shared_version, "set_if_greater", side_effect=RedisDown):
        shared_version.publish(number)
    assert "not copied to Redis" in caplog.text
    assert held() is None  # deleted, so the next reader reads the row
    assert ContentVersion.current() == number


try:
    from redis.exceptions import ConnectionError as RedisDown
except ImportError:  # pragma: no cover
    RedisDown = OSError
