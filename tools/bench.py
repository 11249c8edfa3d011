"""`make bench`: the portal at scale under gunicorn with the production settings, measured by wrk,
on PostgreSQL with Redis (the production path) and on SQLite, in one run.

For each engine: a fresh database with the portal's content plus `generate_scale_data`
(100,000 documents, 2,000 case studies, 500 webinars by default), every page with every cache
off, with the page cache off and cached, search for four words, a static file as the
reference; then the queries per page in-process, and the peer (wagtail/bakerydemo,
tools/peer.py) against the portal with every cache off, by turns. Writes
docs/benchmark-report.md (tools/bench_report.py).
"""

import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlsplit

from tools import bench_report, peer, relevance
from tools.loadtest import wrk_result
from tools.site_server import prepared_site, serving

SCALE = {
    "--documents": os.environ.get("BENCH_DOCUMENTS", "100000"),
    "--case-studies": os.environ.get("BENCH_CASE_STUDIES", "2000"),
    "--webinars": os.environ.get("BENCH_WEBINARS", "500"),
}
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
# A database and a Redis db of the bench's own: both are emptied at the start of a run.
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/procureplus_bench"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
ENGINES = os.environ.get("BENCH_ENGINES", "postgresql,sqlite").split(",")
PAGES = {
    "home": "/pt/",
    "library": "/pt/biblioteca/",
    "library, filtered": "/pt/biblioteca/?category=article&year=2020",
    "case studies": "/pt/casos-de-estudo/",
    "case study": None,  # the first case the index lists
    "document": None,  # the first document the library lists
    "search": "/pt/pesquisa/?q=energia",
}
# Common words (a sixth of the scale data each) and one in ten documents (ops/scale_data.py).
SEARCH_WORDS = ["energia", "inovação", "parceria", "dessalinização"]


def get(url, compressed=False):
    headers = {"Accept-Encoding": "gzip"} if compressed else {}
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request) as response:
        return response.read()


def first_link(base_url, listing, pattern):
    html = get(base_url + listing).decode()
    return re.search(rf'href="({pattern})"', html).group(1)


def detail_paths(base_url, paths):
    found = dict(paths)
    found["case study"] = first_link(
        base_url, "/pt/casos-de-estudo/", r"/pt/casos-de-estudo/[\w-]+/"
    )
    found["document"] = first_link(base_url, "/pt/biblioteca/", r"/pt/biblioteca/\d+/[\w-]+/")
    return found


def assets(html):
    return re.findall(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"', html)


def home_weight(base_url):
    """Bytes over the wire for the home page with its CSS and JS, as a browser asks for them."""
    html = get(base_url + "/pt/", compressed=True)
    text = gzip.decompress(html).decode() if html[:2] == b"\x1f\x8b" else html.decode()
    return len(html) + sum(len(get(base_url + url, compressed=True)) for url in assets(text))


def in_process(env, paths):
    """Queries per page and the ranking SQL's time per word, from tools.query_counts."""
    output = subprocess.run(
        [sys.executable, "-m", "tools.query_counts", *paths, "--search", *SEARCH_WORDS],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def measure(base_url, path):
    get(base_url + quote(path, safe="/?=&"))  # warm the worker (and the cache when it is on)
    return wrk_result(base_url, [path], SECONDS, CONNECTIONS)


def search_path(word):
    return f"/pt/pesquisa/?q={word}"


# (mode, settings): every cache off, the page cache off (fragments on), everything on.
MODES = (
    ("cold", {"PAGE_CACHE_SECONDS": "0", "FRAGMENT_CACHE_SECONDS": "0"}),
    ("uncached", {"PAGE_CACHE_SECONDS": "0"}),
    ("cached", {"PAGE_CACHE_SECONDS": "600"}),
)
# The peer (tools/peer.py) beside each engine's portal: BENCH_PEER=0 leaves it out.
PEER = os.environ.get("BENCH_PEER", "1") != "0"


def bench_engine(env):
    """Every measurement of one engine, on a prepared site."""
    run = {"pages": {}, "search": {}}
    for mode, settings in MODES:
        with serving({**env, **settings}, production=True) as base_url:
            paths = detail_paths(base_url, PAGES)
            for name, path in paths.items():
                print(f"  {mode} {name}", flush=True)
                run["pages"].setdefault(name, {"path": path})[mode] = measure(base_url, path)
            if mode == "uncached":
                run["static"] = measure(base_url, assets(get(base_url + "/pt/").decode())[0])
                run["weight"] = home_weight(base_url)
                for word in SEARCH_WORDS:
                    print(f"  search {word}", flush=True)
                    run["search"][word] = measure(base_url, search_path(word))
    counts = in_process(env, [page["path"] for page in run["pages"].values()])
    run["search_sql_ms"] = counts.pop("search_sql_ms")
    run["queries"] = counts
    if PEER:
        try:
            run["peer"] = peer.compare(env, SECONDS, CONNECTIONS)
            run["peer_database"] = peer.database_name(peer.database_url(env["DATABASE_URL"]))
        except Exception as error:  # no Python 3.12, no PyPI: the rest of the run stands
            run["peer_error"] = str(error)
            print(f"  peer not measured: {error}", flush=True)
    return run


def bench_database_name(url):
    name = urlsplit(url).path.lstrip("/")
    if "bench" not in name:
        sys.exit(f"BENCH_DATABASE_URL must name a database of its own ('…bench…'): {name!r}")
    return url


def empty_redis(url):
    """The bench's Redis db, emptied: content versions start again from 0 in a fresh database."""
    import redis

    if urlsplit(url).path.strip("/") in ("", "0"):
        sys.exit("BENCH_REDIS_URL must name a Redis db other than 0 (it is emptied).")
    redis.Redis.from_url(url).flushdb()


def engines():
    """(name, database for prepared_site, extra environment) per engine asked for."""
    found = {}
    if "postgresql" in ENGINES:
        database = (bench_database_name(DATABASE_URL), "")
        found[bench_report.PRODUCTION] = (database, {"REDIS_URL": REDIS_URL}, REDIS_URL)
    if "sqlite" in ENGINES:
        found["SQLite"] = (("sqlite://", ""), {"REDIS_URL": ""}, None)
    return found


def main():
    scale = [["generate_scale_data", *[part for item in SCALE.items() for part in item]]]
    runs = {}
    host = bench_report.machine()  # the load before the bench starts
    for name, (database, extra_env, redis_url) in engines().items():
        print(f"{name}: loading the data set", flush=True)
        try:
            if redis_url:
                empty_redis(redis_url)
            with (
                tempfile.TemporaryDirectory(prefix="procureplus-bench-") as tmp,
                prepared_site(
                    Path(tmp), True, scale, extra_env=extra_env, database=database
                ) as env,
            ):
                runs[name] = bench_engine(env)
        except Exception as error:  # an engine that cannot run is reported, the other still runs
            detail = getattr(error, "stderr", "") or ""
            runs[name] = {"error": f"{error} {detail.strip().splitlines()[-1:] or ''}".strip()}
            print(f"{name}: not measured: {runs[name]['error']}", flush=True)
    print("Search relevance: the portal's content on each engine", flush=True)
    urls = ["sqlite://"] * ("sqlite" in ENGINES)
    urls += [bench_database_name(DATABASE_URL)] * ("postgresql" in ENGINES)
    found = [relevance.measure_fresh(url) for url in urls]
    text = bench_report.report(runs, SCALE, SECONDS, CONNECTIONS, host=host, relevance=found)
    print(text)
    print(f"Report written to {bench_report.write(text)}")


if __name__ == "__main__":
    main()
