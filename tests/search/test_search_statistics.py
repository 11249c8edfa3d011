"""What visitors search for is counted per query, language and day, with nothing about who, off
the request, and kept for a bounded time."""

import datetime
import io

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from deploy import scheduler
from search import statistics
from search.statistics import SearchCount, normalise
from tests.search.test_search import SEARCH, pages  # noqa: F401 (a fixture)

BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"}


@pytest.fixture(autouse=True)
def empty_buffer(settings):
    settings.SEARCH_STATS_FLUSH_SECONDS = 0  # written as each request ends, for the tests
    statistics.buffer.take()
    yield
    statistics.buffer.take()


def counts():
    return {(c.query, c.language, c.found): c.count for c in SearchCount.objects.all()}


def test_queries_are_normalised():
    assert normalise("  Contratação \x00  PÚBLICA\t de\nInovação ") == (
        "contratação pública de inovação"
    )
    assert normalise("x" * 500) == "x" * statistics.QUERY_LENGTH
    assert normalise("\x00\x00") == ""


def test_nothing_about_the_visitor_is_stored():
    fields = {field.name for field in SearchCount._meta.get_fields()}
    assert fields == {"id", "query", "language", "day", "found", "count"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "code, query, hit, miss",
    [
        ("pt", "Pré-comercial", "pré-comercial", "ornitorrinco"),
        ("en", "PARTNERSHIP", "partnership", "platypus"),
    ],
)
def test_searches_are_counted_per_language_and_result(client, pages, code, query, hit, miss):  # noqa: F811
    for _ in range(2):
        assert client.get(SEARCH[code], {"q": f"  {query} "}, **BROWSER).status_code == 200
    client.get(SEARCH[code], {"q": miss}, **BROWSER)
    assert counts() == {(hit, code, True): 2, (miss, code, False): 1}
    assert SearchCount.objects.get(query=hit).day == timezone.localdate()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params, headers",
    [
        ({"q": "inovação"}, {}),  # no user agent at all
        ({"q": "inovação"}, {"HTTP_USER_AGENT": "Mozilla/5.0 (compatible; Googlebot/2.1)"}),
        ({"q": "inovação"}, {"HTTP_USER_AGENT": "Mozilla/5.0 Chrome-Lighthouse"}),
        ({"q": "inovação", "page": "2"}, BROWSER),  # the same search, read further
        ({"q": "escreva para ana@example.pt"}, BROWSER),  # somebody's address
        ({"q": "\x00"}, BROWSER),
        ({"q": ""}, BROWSER),
    ],
)
def test_robots_later_pages_addresses_and_empty_queries_are_not_counted(
    client, homes, params, headers
):
    assert client.get(SEARCH["pt"], params, **headers).status_code == 200
    assert counts() == {}


@pytest.mark.django_db
def test_a_search_answered_from_the_page_cache_counts_too(client, pages, settings):  # noqa: F811
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get(SEARCH["en"], {"q": "partnership"}, **BROWSER)
    second = client.get(SEARCH["en"], {"q": "partnership"}, **BROWSER)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert counts() == {("partnership", "en", True): 2}


def request_queries(client, url):
    client.get(url, **BROWSER)  # warm: site root paths
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, **BROWSER).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_recording_adds_no_query_to_the_request_and_one_write_when_due(
    client,
    pages,  # noqa: F811
    settings,
    rf,
):
    url = SEARCH["pt"] + "?q=aquisição"
    settings.SEARCH_STATS_ENABLED = False
    unrecorded = request_queries(client, url)
    settings.SEARCH_STATS_ENABLED = True
    settings.SEARCH_STATS_FLUSH_SECONDS = 3600  # buffered: nothing written by these requests
    assert request_queries(client, url) == unrecorded
    for word in ("a", "b", "c"):  # however many keys wait, they are written in one statement
        statistics.record(rf.get("/", **BROWSER), word, "en", False)
    settings.SEARCH_STATS_FLUSH_SECONDS = 0
    with CaptureQueriesContext(connection) as queries:
        client.get(url, **BROWSER)
    assert len(queries) == unrecorded + 1
    assert counts() == {
        ("aquisição", "pt", True): 3,
        ("a", "en", False): 1,
        ("b", "en", False): 1,
        ("c", "en", False): 1,
    }


@pytest.mark.django_db
def test_concurrent_writers_add_to_the_same_row(rf):
    request = rf.get("/", **BROWSER)
    for _ in range(2):
        statistics.record(request, "CPV", "pt", True)
        statistics.record(request, "cpv ", "pt", True)
        statistics.flush()
    assert counts() == {("cpv", "pt", True): 4}


@pytest.mark.django_db
def test_a_failed_write_drops_the_counts_and_never_raises(rf, monkeypatch, caplog):
    statistics.record(rf.get("/", **BROWSER), "cpv", "pt", True)
    monkeypatch.setattr(statistics, "UPSERT", statistics.UPSERT.replace("search_", "no_such_"))
    statistics.flush()
    assert "Search counts not saved" in caplog.text
    assert not statistics.buffer.counts


@pytest.mark.django_db
def test_counts_older_than_the_retention_are_purged(settings):
    settings.SEARCH_STATS_RETENTION_DAYS = 180
    today = timezone.localdate()
    for days in (0, 180, 181, 400):
        SearchCount.objects.create(
            query=f"q{days}", language="pt", day=today - datetime.timedelta(days=days), found=True
        )
    out = io.StringIO()
    call_command("purge_search_statistics", stdout=out)
    assert sorted(SearchCount.objects.values_list("query", flat=True)) == ["q0", "q180"]
    assert out.getvalue().startswith("Deleted 2 search count(s) from before ")


def test_the_purge_is_scheduled_daily():
    _, due = scheduler.JOBS["purge_search_statistics"]
    assert [(h, m) for h in range(24) for m in range(60) if due(h, m)] == [(3, 30)]
