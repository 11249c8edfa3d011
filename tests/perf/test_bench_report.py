"""The report `make bench` writes, from made-up measurements (no server, no wrk)."""

from datetime import UTC, datetime

from tools import bench_report

SCALE = {"--documents": "100000", "--case-studies": "2000", "--webinars": "500"}


def wrk(rate, p95=5.0, statuses=None):
    return {
        "requests": rate * 10,
        "seconds": 10,
        "p50_ms": p95 / 2,
        "p95_ms": p95,
        "p99_ms": p95 * 2,
        "statuses": statuses or {"200": rate * 10},
        "socket_errors": 0,
    }


def engine_run(cached_home=1800, uncached_home=200, search_p95=90.0, home_queries=8):
    pages = {
        "home": {"path": "/pt/", "uncached": wrk(uncached_home), "cached": wrk(cached_home)},
        "library": {"path": "/pt/biblioteca/", "uncached": wrk(150), "cached": wrk(1700)},
    }
    return {
        "pages": pages,
        "search": {"energia": wrk(60, search_p95), "dessalinização": wrk(90, 40.0)},
        "static": wrk(2000),
        "queries": {
            "uncached": {"/pt/": home_queries, "/pt/biblioteca/": 7},
            "cached": {"/pt/": 1, "/pt/biblioteca/": 1},
        },
        "search_sql_ms": {"energia": 9.4, "dessalinização": 0.7},
        "weight": 20480,
    }


def write(runs, tmp_path):
    text = bench_report.report(
        runs,
        SCALE,
        10,
        8,
        when=datetime(2026, 11, 28, 9, 30, tzinfo=UTC),
        commit_id="abc1234",
        host="bench-host (2 cores)",
    )
    path = bench_report.write(text, tmp_path / "benchmark-report.md")
    return path.read_text("utf-8")


def test_report_names_date_commit_machine_and_every_engine(tmp_path):
    runs = {bench_report.PRODUCTION: engine_run(), "SQLite": engine_run()}
    text = write(runs, tmp_path)
    assert "2026-11-28 09:30 UTC" in text
    assert "`abc1234`" in text
    assert "bench-host (2 cores)" in text
    assert "## PostgreSQL + Redis" in text
    assert "## SQLite" in text
    assert "| home | cached | 1800 | 2.5 | 5.0 | 10.0 | 0 | 1 | 0.90 |" in text
    assert "| static file (whitenoise) | | 2000 |" in text
    assert "“energia” 9.4 ms" in text


def test_targets_met_when_every_measurement_is_within_them(tmp_path):
    text = write({bench_report.PRODUCTION: engine_run()}, tmp_path)
    assert "| home cached ≥ 0.7 of static | 0.90: met |" in text
    assert "| home uncached ≥ 0.08 of static | 0.100: met |" in text
    assert "| search “energia” p95 ≤ 150 ms | 90 ms: met |" in text
    assert "| home uncached ≤ 8 queries | 8: met |" in text
    assert "PostgreSQL + Redis: every target met." in text


def test_targets_missed_are_counted_for_the_production_engine(tmp_path):
    slow = engine_run(cached_home=1000, uncached_home=100, search_p95=316.0, home_queries=17)
    text = write({bench_report.PRODUCTION: slow, "SQLite": engine_run()}, tmp_path)
    assert "| home cached ≥ 0.7 of static | 0.50: missed | 0.90: met |" in text
    assert "| search “energia” p95 ≤ 150 ms | 316 ms: missed | 90 ms: met |" in text
    assert "| home uncached ≤ 8 queries | 17: missed | 8: met |" in text
    assert "PostgreSQL + Redis: 4 missed." in text


def test_failed_requests_miss_a_target():
    run = engine_run()
    run["pages"]["home"]["uncached"] = wrk(200, statuses={"200": 1900, "500": 100})
    rows = {label: (got, met) for label, got, met in bench_report.targets(run)}
    assert rows["no failed request"] == ("100", False)


def test_an_engine_that_could_not_run_is_reported_not_measured(tmp_path):
    runs = {bench_report.PRODUCTION: {"error": "connection refused"}, "SQLite": engine_run()}
    text = write(runs, tmp_path)
    assert "Not measured: connection refused" in text
    assert "| home cached ≥ 0.7 of static | not measured | 0.90: met |" in text


def test_a_row_in_which_no_request_finished_fails(tmp_path):
    run = engine_run()
    run["pages"]["home"]["uncached"] = wrk(0, statuses={})
    run["search"]["energia"] = wrk(0, statuses={})
    text = write({bench_report.PRODUCTION: run}, tmp_path)
    assert "| home | page cache off | 0 | — | — | — | 1 | 8 | 0.00 |" in text
    assert "| search “energia” p95 ≤ 150 ms | inf ms: missed |" in text
    assert "| no failed request | 2: missed |" in text


def test_report_ends_with_the_search_relevance_per_engine_and_language():
    found = {"queries": 37, "recall@3": 0.946, "mrr": 0.878, "misses": []}
    relevance = [{"engine": "sqlite", "results": {"pt": found, "en": found}}]
    text = bench_report.report(
        {"SQLite": engine_run()}, SCALE, 10, 8, commit_id="abc1234", host="h", relevance=relevance
    )
    section = text.split("## Search relevance", 1)[1]
    assert "| sqlite | pt | 37 | 0.946 | 0.878 |" in section
    assert "| sqlite | en | 37 | 0.946 | 0.878 |" in section


def with_cold_rows_and_peer(run, portal_rate=100, peer_rate=40, cached_p99=10.0):
    run["pages"]["home"]["cold"] = wrk(portal_rate)
    run["pages"]["home"]["cached"]["p99_ms"] = cached_p99
    run["queries"]["cold"] = {"/pt/": 21}
    run["peer"] = {
        "home": {
            "portal": wrk(portal_rate, p95=40.0),
            "peer": wrk(peer_rate, p95=90.0),
            "portal_path": "/pt/",
            "peer_path": "/",
        }
    }
    return run


def test_every_cache_off_rows_and_the_peer_beside_them(tmp_path):
    text = write({bench_report.PRODUCTION: with_cold_rows_and_peer(engine_run())}, tmp_path)
    assert "| home | every cache off | 100 | 2.5 | 5.0 | 10.0 | 0 | 21 | 0.05 |" in text
    assert "| home | page cache off | 200 |" in text
    assert "| home | `/pt/` | 100 | 80.0 | `/` | 40 | 180.0 | 2.50 |" in text
    assert "| home every cache off ≥ 2× bakerydemo | 2.50×: met |" in text
    assert "| home cached p99 ≤ 25 ms | 10.0 ms: met |" in text
    assert "PostgreSQL + Redis: every target met." in text
    assert "demo content on SQLite, gunicorn" in text  # a run that did not name the engine


def test_the_report_names_the_peers_engine(tmp_path):
    run = with_cold_rows_and_peer(engine_run())
    run["peer_database"] = "PostgreSQL"
    text = write({bench_report.PRODUCTION: run}, tmp_path)
    assert "demo content on PostgreSQL, gunicorn" in text


def test_a_slow_tail_or_a_slow_cold_page_misses_on_every_engine(tmp_path):
    slow = with_cold_rows_and_peer(engine_run(), portal_rate=60, cached_p99=545.3)
    text = write({bench_report.PRODUCTION: engine_run(), "SQLite": slow}, tmp_path)
    assert "| home cached p99 ≤ 25 ms | 10.0 ms: met | 545.3 ms: missed |" in text
    assert "| home every cache off ≥ 2× bakerydemo | not measured | 1.50×: missed |" in text
    assert "SQLite: 2 missed." in text
