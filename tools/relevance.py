"""`python -m tools.relevance` (`make relevance`): how well the site search answers buyers.

Runs every query of search/relevance/queries.toml against the search (search.query.search, the
ranking the search page uses) and reports, per language, recall@3 (the share of queries with a
right answer among the first three results) and MRR (the mean of 1/rank of the first right
answer, 0 when none is in the first ten). By default on a fresh database per engine
(SQLite, and PostgreSQL when DATABASE_URL names one), loaded as `make run` loads it;
with --here, on the database the settings name, as it is.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
QUERIES = BASE_DIR / "search" / "relevance" / "queries.toml"
FIXTURES = BASE_DIR / "fixtures"
TOP = 3  # recall@3
DEPTH = 10  # ranks read for MRR
TARGET = 0.9


def load_queries(path=QUERIES):
    return tomllib.loads(Path(path).read_text())["query"]


def known_answers():
    """Every answer key the fixtures hold ("faq:<key>", "glossary:<key>", "page:<key>", …)."""
    read = lambda name: tomllib.loads((FIXTURES / name).read_text())  # noqa: E731
    keys = {f"faq:{item['key']}" for item in read("faq.toml")["question"]}
    keys |= {f"glossary:{item['key']}" for item in read("glossary.toml")["term"]}
    keys |= {f"document:{item['key']}" for item in read("documents.toml")["document"]}
    pages = (FIXTURES / "pages").glob("*.toml")
    return keys | {f"page:{tomllib.loads(path.read_text())['key']}" for path in pages}


def page_keys():
    """{translation_key: fixture key} for every page of fixtures/pages/."""
    from ops.content_loader import translation_key

    keys = {}
    for path in sorted((FIXTURES / "pages").glob("*.toml")):
        key = tomllib.loads(path.read_text())["key"]
        keys[translation_key(key)] = key
    return keys


def result_keys(ids, pages_by_uuid):
    """The answer keys ("faq:<key>", "page:<key>", …) of search entries, in the order given."""
    from wagtail.models import Page

    from search import registry
    from search.models import SearchEntry

    entries = SearchEntry.objects.in_bulk(ids)
    by_kind = {}
    for entry in entries.values():
        by_kind.setdefault(entry.kind, []).append(entry.object_id)
    found = {}
    for kind, object_ids in by_kind.items():
        source = registry.source_for_kind(kind)
        if source is None:  # a page, of whatever kind
            for pk, uuid in Page.objects.filter(pk__in=object_ids).values_list(
                "pk", "translation_key"
            ):
                found[(kind, pk)] = f"page:{pages_by_uuid.get(uuid, uuid)}"
            continue
        for record in source.model.objects.filter(pk__in=object_ids):
            key = getattr(record, "slug", None) or getattr(record, "import_key", None)
            found[(kind, record.pk)] = f"{kind}:{key}"
    return [found.get((entries[i].kind, entries[i].object_id), "?") for i in ids if i in entries]


def evaluate(queries):
    """{language: {"queries", "recall@3", "mrr", "misses": [{text, answers, top}]}}."""
    from search.query import search

    pages_by_uuid = page_keys()
    report = {}
    for query in queries:
        keys = result_keys(search(query["language"], query["text"])[:DEPTH], pages_by_uuid)
        rank = next((i + 1 for i, key in enumerate(keys) if key in query["answers"]), None)
        language = report.setdefault(query["language"], {"ranks": [], "misses": []})
        language["ranks"].append(rank)
        if rank is None or rank > TOP:
            top = keys[:TOP]
            language["misses"].append(
                {"text": query["text"], "tags": query.get("tags", ""), "rank": rank, "top": top}
            )
    for language in report.values():
        ranks = language.pop("ranks")
        language["queries"] = len(ranks)
        language["recall@3"] = round(sum(1 for r in ranks if r and r <= TOP) / len(ranks), 3)
        language["mrr"] = round(sum(1 / r for r in ranks if r) / len(ranks), 3)
    return report


def measure_here():
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "procureplus.settings.dev")
    django.setup()
    from django.db import connection

    return {"engine": connection.vendor, "results": evaluate(load_queries())}


def measure_fresh(database_url):
    """A fresh database of that engine, loaded as `make run` loads it, measured in a child."""
    from tools.site_server import SETUP_COMMANDS, fresh_database, run_commands

    with (
        tempfile.TemporaryDirectory(prefix="procureplus-relevance-") as tmp,
        fresh_database(Path(tmp), suffix="_relevance", url=database_url) as url,
    ):
        env = {**os.environ, "DATABASE_URL": url, "TEST_MEDIA_ROOT": f"{tmp}/media"}
        env["DJANGO_SETTINGS_MODULE"] = "procureplus.settings.test"
        run_commands(SETUP_COMMANDS, env)
        output = subprocess.run(
            [sys.executable, "-m", "tools.relevance", "--here", "--json"],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    return json.loads(output.strip().splitlines()[-1])


def table(runs):
    lines = [
        "| database | language | queries | recall@3 | MRR |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for run in runs:
        for language, result in sorted(run["results"].items(), reverse=True):
            lines.append(
                f"| {run['engine']} | {language} | {result['queries']} "
                f"| {result['recall@3']:.3f} | {result['mrr']:.3f} |"
            )
    return "\n".join(lines)


def misses(runs):
    lines = []
    for run in runs:
        for language, result in sorted(run["results"].items(), reverse=True):
            for miss in result["misses"]:
                lines.append(
                    f"- {run['engine']}, {language}: “{miss['text']}” ({miss['tags'] or '-'}): "
                    f"rank {miss['rank'] or '>10'}; first three: {', '.join(miss['top']) or '-'}"
                )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--here", action="store_true", help="the settings' database, as it is")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.here:
        runs = [measure_here()]
    else:
        urls = ["sqlite://"]
        if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
            urls.append(os.environ["DATABASE_URL"])
        runs = [measure_fresh(url) for url in urls]
    if args.json:
        print(json.dumps(runs[0] if args.here else runs))
        return 0
    print(table(runs))
    print(misses(runs) or "Every query found its answer in the first three results.")
    below = [
        (run["engine"], language)
        for run in runs
        for language, result in run["results"].items()
        if result["recall@3"] < TARGET
    ]
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
