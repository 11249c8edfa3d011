"""SQL queries per page, uncached and cached, printed as JSON (run by tools/bench.py)."""

import json
import sys

import django


def count(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm: site root paths, cached terms, the page cache when it is on
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return len(queries)


def main(paths):
    django.setup()
    from django.test import Client, override_settings

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for mode, seconds in (("uncached", 0), ("cached", 600)):
        with override_settings(PAGE_CACHE_SECONDS=seconds):
            counts[mode] = {path: count(client, path) for path in paths}
    print(json.dumps(counts))


if __name__ == "__main__":
    main(sys.argv[1:])
