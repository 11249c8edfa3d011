"""Peak Python memory while a CSV export streams, and its rows, printed as JSON.

`DATABASE_URL=... python -m tools.csv_memory /pt/biblioteca/csv/` against a database that holds
`generate_scale_data` (100,000 documents): the peak stays that of one chunk of rows.
"""

import json
import sys
import time
import tracemalloc

import django


def measure(client, path):
    """(peak bytes, rows, seconds) of one export, read chunk by chunk as a server sends it."""
    tracemalloc.start()
    started = time.monotonic()
    response = client.get(path)
    rows = sum(chunk.count(b"\n") for chunk in response.streaming_content)
    seconds = time.monotonic() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak, rows, seconds


def main(paths):
    django.setup()
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    results = {}
    for path in paths:
        peak, rows, seconds = measure(client, path)
        results[path] = {
            "peak_mb": round(peak / 2**20, 2),
            "lines": rows,
            "seconds": round(seconds, 1),
        }
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1:])
