"""The report `make bench` writes: a table per engine and the targets of issues 18 and 28, met or
missed, with the peer (wagtail/bakerydemo) measured in the same run.

Pure functions of the measurements (tools/bench.py gathers them), so the report is tested
without a server (tests/perf/test_bench_report.py).
"""

import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

REPORT = Path(__file__).resolve().parent.parent / "docs" / "benchmark-report.md"
# The engine the targets are set for: production runs on PostgreSQL with Redis.
PRODUCTION = "PostgreSQL + Redis"
CACHED_SHARE = 0.7  # cached home and library, as a share of the static file
UNCACHED_HOME_SHARE = 0.08
SEARCH_P95_MS = 150
QUERY_BUDGET = 8  # per page type with the page cache off
CACHED_P99_MS = 25  # issue 28: no slow tail on cached pages
PEER_RATIO = 2  # issue 28: with every cache off, at least twice the peer's req/s
# Rows' modes, in order, and what each is called in the tables.
MODES = {"cold": "every cache off", "uncached": "page cache off", "cached": "cached"}


def rate(result):
    return result["requests"] / result["seconds"] if result["seconds"] else 0.0


def failures(result):
    """Socket errors and answers other than 2xx (a fast error page is not a fast page); a row in
    which no request finished counts as one failure."""
    bad = sum(n for code, n in result["statuses"].items() if not 200 <= int(code) < 300)
    return bad + result["socket_errors"] + (0 if result["requests"] else 1)


def latencies(result):
    """p50, p95 and p99 cells; dashes when no request finished."""
    if not result["requests"]:
        return "— | — | —"
    return f"{result['p50_ms']:.1f} | {result['p95_ms']:.1f} | {result['p99_ms']:.1f}"


def commit():
    found = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return found or "unknown"


def machine():
    """Where the numbers were taken: host, cores, memory, Python."""
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError, AttributeError):
        memory = 0
    load = (
        ", load {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()) if hasattr(os, "getloadavg") else ""
    )
    return (
        f"{platform.node()} ({os.cpu_count()} cores, {memory:.0f} GiB, {platform.system()}, "
        f"Python {sys.version.split()[0]}{load} at the start)"
    )


def engine_table(run):
    """Markdown lines: every page uncached and cached, search per word, the static file."""
    static = rate(run["static"])
    lines = [
        "| page | mode | req/s | p50 ms | p95 ms | p99 ms | failed | queries | vs static |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, page in run["pages"].items():
        for mode in (mode for mode in MODES if mode in page):
            r = page[mode]
            queries = run["queries"].get(mode, {}).get(page["path"], "")
            lines.append(
                f"| {name} | {MODES[mode]} | {rate(r):.0f} | {latencies(r)} | {failures(r)} "
                f"| {queries} | {rate(r) / static:.2f} |"
            )
    for word, r in run["search"].items():
        lines.append(
            f"| search “{word}” | uncached | {rate(r):.0f} | {latencies(r)} | {failures(r)} "
            f"| | {rate(r) / static:.2f} |"
        )
    r = run["static"]
    lines.append(
        f"| static file (whitenoise) | | {static:.0f} | {latencies(r)} | {failures(r)} | | 1.00 |"
    )
    return lines


def targets(run):
    """(target, measured, met) for issue 18's targets, from one engine's run."""
    static = rate(run["static"])
    rows = []
    for name, page in run["pages"].items():
        share = rate(page["cached"]) / static
        rows.append(
            (f"{name} cached ≥ {CACHED_SHARE} of static", f"{share:.2f}", share >= CACHED_SHARE)
        )
    for name, page in run["pages"].items():
        p99 = page["cached"]["p99_ms"] if page["cached"]["requests"] else float("inf")
        rows.append(
            (f"{name} cached p99 ≤ {CACHED_P99_MS} ms", f"{p99:.1f} ms", p99 <= CACHED_P99_MS)
        )
    for name, row in run.get("peer", {}).items():
        ratio = peer_ratio(row)
        rows.append(
            (
                f"{name} every cache off ≥ {PEER_RATIO}× bakerydemo",
                f"{ratio:.2f}×",
                ratio >= PEER_RATIO,
            )
        )
    share = rate(run["pages"]["home"]["uncached"]) / static
    rows.append(
        (
            f"home uncached ≥ {UNCACHED_HOME_SHARE} of static",
            f"{share:.3f}",
            share >= UNCACHED_HOME_SHARE,
        )
    )
    for word, r in run["search"].items():
        p95 = r["p95_ms"] if r["requests"] else float("inf")
        rows.append(
            (f"search “{word}” p95 ≤ {SEARCH_P95_MS} ms", f"{p95:.0f} ms", p95 <= SEARCH_P95_MS)
        )
    for name, page in run["pages"].items():
        count = run["queries"]["uncached"].get(page["path"])
        met = count is not None and count <= QUERY_BUDGET
        rows.append((f"{name} uncached ≤ {QUERY_BUDGET} queries", str(count), met))
    failed = sum(
        failures(page[mode]) for page in run["pages"].values() for mode in MODES if mode in page
    )
    failed += sum(failures(r) for r in run["search"].values())
    rows.append(("no failed request", str(failed), failed == 0))
    return rows


def peer_ratio(row):
    """The portal's req/s with every cache off over the peer's, in the same run."""
    theirs = rate(row["peer"])
    return rate(row["portal"]) / theirs if theirs else float("inf")


def peer_table(rows):
    """Both sides of each page type: req/s, p99 and the ratio."""
    lines = [
        "| page | portal, every cache off | req/s | p99 ms | bakerydemo | req/s | p99 ms | ratio |",
        "| --- | --- | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    for name, row in rows.items():
        ours, theirs = row["portal"], row["peer"]
        lines.append(
            f"| {name} | `{row['portal_path']}` | {rate(ours):.0f} | {ours['p99_ms']:.1f} "
            f"| `{row['peer_path']}` | {rate(theirs):.0f} | {theirs['p99_ms']:.1f} "
            f"| {peer_ratio(row):.2f} |"
        )
    return lines


def targets_table(runs):
    """The targets against every engine measured; the production engine's column decides."""
    names = list(runs)
    measured = {
        name: {label: (got, met) for label, got, met in targets(run)}
        for name, run in runs.items()
        if "error" not in run
    }
    lines = ["| target | " + " | ".join(names) + " |", "| --- |" + " ---: |" * len(names)]
    labels = list(dict.fromkeys(label for found in measured.values() for label in found))
    for label in labels:
        cells = []
        for name in names:
            if name not in measured or label not in measured[name]:
                cells.append("not measured")
                continue
            got, met = measured[name][label]
            cells.append(f"{got}: {'met' if met else 'missed'}")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines


def relevance_section(relevance_runs):
    """The search's relevance suite on the portal's own content (tools/relevance.py)."""
    from tools import relevance

    return [
        "",
        "## Search relevance",
        "",
        "The queries of `search/relevance/queries.toml` on the portal's own content (no scale "
        "data), a fresh database per engine: recall@3 is the share of queries with a right "
        f"answer in the first three results (target {relevance.TARGET}), MRR the mean of "
        "1/rank of the first right answer.",
        "",
        relevance.table(relevance_runs),
    ]


def report(runs, scale, seconds, connections, when=None, commit_id=None, host=None, relevance=None):
    """The whole Markdown report; `relevance`: tools.relevance's runs, if measured."""
    when = when or datetime.now(UTC)
    lines = [
        "# Benchmark report",
        "",
        f"Written by `make bench` on {when:%Y-%m-%d %H:%M} UTC from commit "
        f"`{commit_id or commit()}`, on {host or machine()}. Do not edit: run `make bench` again "
        "(see [benchmarks.md](benchmarks.md)).",
        "",
        f"Data: the portal's content plus {scale['--documents']} documents, "
        f"{scale['--case-studies']} case studies (PT and EN) and {scale['--webinars']} webinars. "
        f"wrk {seconds} s at {connections} connections per row; gunicorn, 2 sync workers, "
        "production settings. Every cache off: no page cache, no fragments, no remembered "
        "routes (what a page costs right after a publish); page cache off: menu, footer, "
        "counts, bodies, cards, routes and ranked search ids stay cached under the content "
        "version (what signed-in staff get). Queries: counted in-process with the "
        "test client on the same data. Ratios are to the static file of the same engine's run; "
        "the peer's, to bakerydemo measured by turns with the portal in the same run.",
        "",
        "## Targets (issues 18 and 28; each engine)",
        "",
        *targets_table(runs),
    ]
    lines.append("")
    for name, run in runs.items():
        if "error" in run:
            continue
        missed = [label for label, _got, met in targets(run) if not met]
        lines.append(f"{name}: " + (f"{len(missed)} missed." if missed else "every target met."))
    for name, run in runs.items():
        lines += ["", f"## {name}", ""]
        if "error" in run:
            lines.append(f"Not measured: {run['error']}")
            continue
        lines += engine_table(run)
        pages = ", ".join(f"{name} `{page['path']}`" for name, page in run["pages"].items())
        lines += ["", f"Addresses: {pages}; search `/pt/pesquisa/?q=` and the word."]
        sql = ", ".join(
            f"“{word}” {ms:.1f} ms" for word, ms in run.get("search_sql_ms", {}).items()
        )
        if sql:
            lines += ["", f"Ranking SQL per word, ids not cached (in-process, median of 5): {sql}."]
        if run.get("weight"):
            lines.append(
                f"Home page over the wire, with CSS and JS: {run['weight'] / 1024:.1f} KB."
            )
        if run.get("peer"):
            lines += [
                "",
                f"### {name}: the portal with every cache off beside wagtail/bakerydemo",
                "",
                "bakerydemo at its pinned commit (tools/peer.py), its production settings and "
                f"demo content on {run.get('peer_database', 'SQLite')}, gunicorn with 2 sync "
                "workers; each page type measured by turns with the portal, the best of two "
                "runs of each side kept.",
                "",
                *peer_table(run["peer"]),
            ]
        elif run.get("peer_error"):
            lines += ["", f"bakerydemo not measured: {run['peer_error']}"]
    if relevance:
        lines += relevance_section(relevance)
    return "\n".join(lines) + "\n"


def write(text, path=REPORT):
    Path(path).write_text(text, "utf-8")
    return path
