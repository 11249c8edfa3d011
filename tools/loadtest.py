"""`make loadtest`: gunicorn with the production settings on loopback, under a bounded load.

Prints requests per second, p50, p99 and every non-2xx count; exits 1 on any error.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

from tools.site_server import database_engine, running_site

PATHS = ["/pt/", "/pt/biblioteca/", "/pt/casos-de-estudo/", "/pt/pesquisa/?q=inovação"]
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "30"))
CONNECTIONS = int(os.environ.get("LOADTEST_CONNECTIONS", "20"))
SCRIPT = Path(__file__).with_name("loadtest.lua")


def wrk_result(base_url, paths, seconds, connections):
    """One wrk run cycling through the paths: requests, seconds, p50/p95/p99 ms, statuses."""
    wrk = shutil.which("wrk")
    if wrk is None:
        sys.exit("wrk is not installed: apt-get install wrk")
    paths = [quote(path, safe="/?=&") for path in paths]
    command = [wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    output = subprocess.run(
        [*command, "-s", str(SCRIPT), base_url, "--", *paths],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


def report(result):
    """Prints the table; returns the number of failed requests."""
    statuses = {int(code): n for code, n in result["statuses"].items()}
    non_2xx = {code: n for code, n in sorted(statuses.items()) if not 200 <= code < 300}
    database = database_engine()
    print(f"Load test: {SECONDS} s, {CONNECTIONS} connections, gunicorn with 2 workers, {database}")
    print("Paths, in turn: " + ", ".join(PATHS))
    print(
        f"{'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'socket errors':>14}  non-2xx"
    )
    print(
        f"{result['requests']:>9} {result['requests'] / result['seconds']:>8.1f}"
        f" {result['p50_ms']:>8.1f} {result['p99_ms']:>8.1f} {result['socket_errors']:>14}  "
        + (", ".join(f"{code}: {n}" for code, n in non_2xx.items()) or "none")
    )
    return result["socket_errors"] + sum(non_2xx.values())


def main():
    with (
        tempfile.TemporaryDirectory(prefix="procureplus-loadtest-") as tmp,
        running_site(Path(tmp), production=True) as base_url,
    ):
        result = wrk_result(base_url, PATHS, SECONDS, CONNECTIONS)
    failures = report(result)
    if failures or result["requests"] == 0:
        sys.exit(f"FAILED: {failures} failed requests")


if __name__ == "__main__":
    main()
