"""What a cached hit costs: on SQLite no query while nothing was committed (core/local_version.py),
with Redis one round trip for the version and the page (core/shared_version.py, read_with), and
either way a change made through another connection is seen by the very next request."""

import threading
from unittest import mock

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import path

import pytest

from core import local_version, shared_version
from core.models import ContentVersion
from core.redis_cache import FailFastRedis
from procureplus.settings.env import cache_backend
from tests.redis_server import REDIS_URL, redis_or_skip

HEADER = "X-Page-Cache"
renders = []


def page_view(request):
    renders.append(request.content_version)
    return HttpResponse(f"version {request.content_version}")


urlpatterns = [path("pagina/", page_view)]

on_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="PRAGMA data_version is SQLite's"
)
# Committed for real, so that another connection sees it; the migrations' rows come back after.
committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def cached(settings, empty_cache):
    settings.PAGE_CACHE_SECONDS = 600
    settings.ALLOWED_HOSTS = ["testserver"]
    renders.clear()


def in_another_connection(work):
    """work() in a thread of its own, so with a database connection of its own, committed."""
    from django.db import connections

    def run():
        try:
            work()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(10)


def bump():
    ContentVersion.objects.update_or_create(pk=1, defaults={"number": ContentVersion.stored() + 1})


@on_sqlite
@committed
@pytest.mark.urls(__name__)
def test_a_hit_on_sqlite_makes_no_query(client, cached, settings):
    settings.CACHES = {"default": cache_backend("")}
    assert client.get("/pagina/")[HEADER] == "miss"
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/pagina/")[HEADER] == "hit"
    assert len(queries) == 0


@on_sqlite
@committed
@pytest.mark.urls(__name__)
def test_a_commit_by_another_connection_is_seen_at_once(client, cached, settings):
    settings.CACHES = {"default": cache_backend("")}
    client.get("/pagina/")
    assert client.get("/pagina/")[HEADER] == "hit"
    in_another_connection(bump)  # another worker, server process or the task worker
    response = client.get("/pagina/")
    assert response[HEADER] == "miss"
    assert response.content.decode() == f"version {ContentVersion.stored()}"


@on_sqlite
@committed
def test_the_row_is_read_again_after_any_commit():
    reads = []

    def read_row():
        reads.append(1)
        return ContentVersion.stored()

    first = local_version.read(read_row)
    assert local_version.read(read_row) == first and len(reads) == 1
    bump()  # this connection's own write
    assert local_version.read(read_row) == first + 1 and len(reads) == 2
    in_another_connection(bump)
    assert local_version.read(read_row) == first + 2 and len(reads) == 3


@on_sqlite
@committed
def test_a_write_rolled_back_outside_atomic_is_not_remembered():
    bump()
    first = local_version.read(ContentVersion.stored)
    raw = connection.connection  # a transaction Django's atomic() does not know of
    raw.execute("BEGIN")
    raw.execute("UPDATE portal_contentversion SET number = number + 1")
    assert local_version.read(ContentVersion.stored) == first + 1  # its own view
    raw.execute("ROLLBACK")
    assert local_version.read(ContentVersion.stored) == first


@on_sqlite
@pytest.mark.django_db
def test_inside_a_transaction_the_row_is_read_each_time():
    """What a transaction shows may still be rolled back: never remembered."""
    reads = []
    for _ in range(2):
        local_version.read(lambda: reads.append(1) or 0)
    assert len(reads) == 2


@pytest.fixture
def redis(settings, cached):
    redis_or_skip()
    settings.CACHES = {"default": cache_backend(REDIS_URL)}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def redis_commands():
    """The names of the Redis commands sent while the block runs."""
    sent = []
    real = FailFastRedis.execute_command

    def counted(self, *args, **options):
        sent.append(args[0])
        return real(self, *args, **options)

    with mock.patch.object(FailFastRedis, "execute_command", counted):
        yield sent


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_a_hit_with_redis_is_one_round_trip(client, redis, redis_commands):
    assert client.get("/pagina/")[HEADER] == "miss"
    redis_commands.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/pagina/")[HEADER] == "hit"
    assert redis_commands == ["MGET"]  # the version and the page together
    assert len(queries) == 0


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_a_page_of_another_version_is_never_served(
    client, redis, django_capture_on_commit_callbacks
):
    client.get("/pagina/")
    assert client.get("/pagina/")[HEADER] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        number = ContentVersion.bump()  # copied into Redis, as another server's bump is
    response = client.get("/pagina/")
    assert (response[HEADER], response.content.decode()) == ("miss", f"version {number}")
    assert client.get("/pagina/")[HEADER] == "hit"
    assert renders == [number - 1, number]


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_a_miss_renders_with_the_version_read_beside_the_page(client, redis, redis_commands):
    """No second read of the version for the page's fragments, and the version it is stored
    under is the one its render used."""
    client.get("/pagina/")
    shared_version.publish(ContentVersion.stored() + 7)  # another server's bump, copied
    redis_commands.clear()
    response = client.get("/pagina/")
    assert response.content.decode() == f"version {ContentVersion.stored() + 7}"
    assert redis_commands == ["MGET", "SET"]
    assert client.get("/pagina/")[HEADER] == "hit"
