"""`make bench`: the portal at scale, under gunicorn with the production settings, measured by wrk.

Loads the portal's content plus `generate_scale_data` (100,000 documents, 2,000 case studies and
500 webinars by default) into a fresh database (SQLite, or PostgreSQL when DATABASE_URL names
it), then measures each page uncached and cached, and a static file as the reference.
"""

import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from tools.loadtest import wrk_result
from tools.site_server import database_engine, prepared_site, serving

SCALE = {
    "--documents": os.environ.get("BENCH_DOCUMENTS", "100000"),
    "--case-studies": os.environ.get("BENCH_CASE_STUDIES", "2000"),
    "--webinars": os.environ.get("BENCH_WEBINARS", "500"),
}
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
PAGES = {
    "home": "/pt/",
    "library": "/pt/biblioteca/",
    "library, filtered": "/pt/biblioteca/?category=article&year=2020",
    "case studies": "/pt/casos-de-estudo/",
    "document": None,  # the first document the library lists
    "search": "/pt/pesquisa/?q=energia",
}
TARGETS = {"home": 250, "library": 200}
REPORT = Path(__file__).resolve().parent.parent / "docs" / "benchmark-report-{database}.md"
LINES = []


def say(line=""):
    """Print a line of the report and keep it for the report file."""
    print(line)
    LINES.append(line)


def write_report(database):
    """The report as a Markdown file under docs/, with the commit and machine it was made on."""
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    head = [
        f"# Benchmark report: {database}",
        "",
        f"Written by `make bench` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC from commit "
        f"`{commit or 'unknown'}`, on {os.uname().nodename} ({os.cpu_count()} cores, "
        f"Python {sys.version.split()[0]}). Do not edit: run `make bench` again.",
    ]
    path = Path(str(REPORT).format(database=database.split()[0].lower()))
    path.write_text("\n".join(head + LINES) + "\n", "utf-8")
    print(f"\nReport written to {path}")


def get(url, compressed=False):
    headers = {"Accept-Encoding": "gzip"} if compressed else {}
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request) as response:
        return response.read()


def first_document(base_url):
    html = get(base_url + "/pt/biblioteca/").decode()
    return re.search(r'href="(/pt/biblioteca/\d+/[\w-]+/)"', html).group(1)


def assets(html):
    return re.findall(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"', html)


def home_weight(base_url):
    """Bytes over the wire for the home page with its CSS and JS, as a browser asks for them."""
    html = get(base_url + "/pt/", compressed=True)
    text = gzip.decompress(html).decode() if html[:2] == b"\x1f\x8b" else html.decode()
    return len(html) + sum(len(get(base_url + url, compressed=True)) for url in assets(text))


def query_counts(env, paths):
    output = subprocess.run(
        [sys.executable, "-m", "tools.query_counts", *paths],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def measure(base_url, paths):
    results = {}
    for name, path in paths.items():
        get(base_url + path)  # warm the worker (and the cache when it is on)
        results[name] = wrk_result(base_url, [path], SECONDS, CONNECTIONS)
    return results


def rate(result):
    return result["requests"] / result["seconds"]


def print_table(database, measured, counts, paths, weight):
    static = rate(measured["uncached"]["static file"])
    say()
    say(f"Benchmark, {datetime.now(UTC):%Y-%m-%d}, {os.cpu_count()} cores, {database};")
    say(f"wrk {SECONDS} s at {CONNECTIONS} connections per row; gunicorn, 2 sync workers.")
    say(f"Data: portal content plus {SCALE['--documents']} documents,")
    say(f"{SCALE['--case-studies']} case studies and {SCALE['--webinars']} webinars.")
    say()
    say("| page | mode | req/s | p50 ms | p95 ms | p99 ms | queries | vs static |")
    say("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, path in paths.items():
        for mode in ("uncached", "cached"):
            r = measured[mode][name]
            say(
                f"| {name} | {mode} | {rate(r):.0f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} |"
                f" {r['p99_ms']:.1f} | {counts[mode][path]} | {rate(r) / static:.2f} |"
            )
    r = measured["uncached"]["static file"]
    say(f"| static file (whitenoise) | | {static:.0f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} |")
    say()
    say(f"Home page over the wire, with CSS and JS: {weight / 1024:.1f} KB")
    return static


def print_targets(measured, static, weight, database):
    say()
    say("Targets:")
    for name, target in TARGETS.items():
        got = rate(measured["uncached"][name])
        say(f"- {name} uncached ≥ {target} req/s: {got:.0f} ({got / target:.0%} of target)")
    for name in PAGES:
        got = rate(measured["cached"][name])
        say(f"- {name} cached ≥ half the static file: {got / static:.2f} of static")
    p95 = measured["uncached"]["search"]["p95_ms"]
    say(f"- search p95 ≤ 150 ms (target set for PostgreSQL; this run: {database}): {p95:.0f} ms")
    say(f"- home page ≤ 60 KB with CSS and JS: {weight / 1024:.1f} KB")


def main():
    database = database_engine()
    scale = [["generate_scale_data", *[part for item in SCALE.items() for part in item]]]
    with (
        tempfile.TemporaryDirectory(prefix="procureplus-bench-") as tmp,
        prepared_site(Path(tmp), production=True, extra_commands=scale) as env,
    ):
        measured = {}
        paths = dict(PAGES)
        for mode, seconds in (("uncached", "0"), ("cached", "600")):
            with serving({**env, "PAGE_CACHE_SECONDS": seconds}, production=True) as base_url:
                paths["document"] = paths["document"] or first_document(base_url)
                targets = dict(paths)
                if mode == "uncached":
                    html = get(base_url + "/pt/").decode()
                    targets["static file"] = assets(html)[0]
                    weight = home_weight(base_url)
                measured[mode] = measure(base_url, targets)
        counts = query_counts(env, list(paths.values()))
    static = print_table(database, measured, counts, paths, weight)
    print_targets(measured, static, weight, database)
    write_report(database)


if __name__ == "__main__":
    main()
