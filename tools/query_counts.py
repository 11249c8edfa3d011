"""SQL queries per page, uncached and cached, and the ranking SQL's time per search word,
printed as JSON (run by tools/bench.py): `python -m tools.query_counts PATH... [--search WORD...]`.
"""

import json
import statistics
import sys
import time

import django


def count(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm: site root paths, cached terms, the page cache when it is on
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return len(queries)


def search_ms(word, language="pt", runs=5):
    """The median time of the ranking query alone (no cached ids), in milliseconds."""
    from search.query import search

    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        search(language, word)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main(paths, words=()):
    django.setup()
    from django.test import Client, override_settings

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    modes = (
        ("cold", {"PAGE_CACHE_SECONDS": 0, "FRAGMENT_CACHE_SECONDS": 0}),  # every cache off
        ("uncached", {"PAGE_CACHE_SECONDS": 0}),
        ("cached", {"PAGE_CACHE_SECONDS": 600}),
    )
    for mode, overrides in modes:
        with override_settings(**overrides):
            counts[mode] = {path: count(client, path) for path in paths}
    counts["search_sql_ms"] = {word: search_ms(word) for word in words}
    print(json.dumps(counts))


if __name__ == "__main__":
    arguments = sys.argv[1:]
    split = arguments.index("--search") if "--search" in arguments else len(arguments)
    main(arguments[:split], arguments[split + 1 :])
