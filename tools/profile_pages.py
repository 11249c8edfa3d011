"""Cold pages in-process: SQL queries and CPU time per request of every public page type.

Renders each page with Django's test client against the database DATABASE_URL names (load it
with `manage.py generate_scale_data`), the whole-page cache off and the fragment cache on, as in
production with the page cache off; `--cold` turns every cache off (page, fragments, routing,
cards, bodies: FRAGMENT_CACHE_SECONDS=0), what a page costs right after a publish. Prints a
Markdown table; `--breakdown` adds where each page's time goes (SQL, ORM compilation,
templates, routing, the visibility rule, glossary linking, and the template time split into
the engine itself and the ORM run from templates); `--calls` the Python function calls of one
request (the same count whatever the machine's load); `--profile NAME` adds cProfile's
top functions for the pages whose name contains NAME.

    DATABASE_URL=sqlite:///scale.sqlite3 python -m tools.profile_pages --runs 30 [--cold]
"""

import argparse
import cProfile
import gc
import io
import os
import pstats
import statistics
import sys
import time
import traceback
from pathlib import Path

import django

BASE = str(Path(__file__).resolve().parent.parent) + "/"
PAGE_TYPES = (
    # (name, page model label, language, what to add to the page's URL)
    ("home PT", "portal.HomePage", "pt", ""),
    ("home EN", "portal.HomePage", "en", ""),
    ("content page", "portal.ContentPage", "pt", ""),
    ("library", "documents.DocumentLibraryPage", "pt", ""),
    ("library, filtered", "documents.DocumentLibraryPage", "pt", "?category=article&year=2020"),
    ("library, page 50", "documents.DocumentLibraryPage", "pt", "?page=50"),
    ("document", "documents.DocumentLibraryPage", "pt", "document"),
    ("webinar list", "documents.WebinarIndexPage", "pt", ""),
    ("webinar", "documents.WebinarIndexPage", "pt", "webinar"),
    ("case studies", "casestudies.CaseStudyIndexPage", "pt", ""),
    ("case studies, filtered", "casestudies.CaseStudyIndexPage", "pt", "sector"),
    ("case study", "casestudies.CaseStudyPage", "pt", ""),
    ("FAQ", "portal.FAQPage", "pt", ""),
    ("module list", "portal.ModuleIndexPage", "pt", ""),
    ("module", "portal.ModulePage", "pt", ""),
    ("event list", "portal.EventIndexPage", "pt", ""),
    ("event report", "portal.EventReportPage", "pt", ""),
    ("guide list", "portal.GuideIndexPage", "pt", ""),
    ("guide", "portal.GuidePage", "pt", ""),
    ("glossary", "portal.GlossaryPage", "pt", ""),
    ("partnership", "portal.PartnershipPage", "pt", ""),
    ("newsletter", "buyers.NewsletterPage", "pt", ""),
    ("support request", "buyers.SupportRequestPage", "pt", ""),
    ("chooser", "buyers.ProcedureChooserPage", "pt", ""),
    (
        "chooser, answered",
        "buyers.ProcedureChooserPage",
        "pt",
        "?rd=no&market=no&spec=no&consulted=no",
    ),
    ("search", None, "pt", "/pt/pesquisa/?q=energia"),
    ("search, rare word", None, "pt", "/pt/pesquisa/?q=consulta+preliminar"),
)


def page_addresses():
    """(name, address) of each page type present in the database, first page of its kind."""
    from django.apps import apps
    from django.utils import translation

    addresses = []
    for name, label, language, extra in PAGE_TYPES:
        if label is None:
            addresses.append((name, extra))
            continue
        model = apps.get_model(label)
        page = (
            model.objects.live().public().filter(locale__language_code=language).order_by("path")
        ).first()
        if page is None:
            print(f"# no live {label} in {language}: {name} skipped", file=sys.stderr)
            continue
        with translation.override(language):
            url = address_of(page, extra)
        if url is None:
            print(f"# nothing to show under {page.url}: {name} skipped", file=sys.stderr)
            continue
        addresses.append((name, url))
    return addresses


def address_of(page, extra):
    """The page's address with `extra` (a query string, or a record shown below it), or None."""
    from django.apps import apps

    record_models = {
        "document": ("documents.LibraryDocument", "document_url"),
        "webinar": ("documents.Webinar", "webinar_url"),
    }
    if extra in record_models:
        label, method = record_models[extra]
        model = apps.get_model(label)
        records = model.objects.public() if hasattr(model.objects, "public") else model.objects
        record = records.order_by("pk").first()
        return getattr(page, method)(record) if record else None
    if extra == "sector":
        sector = apps.get_model("casestudies.Sector").objects.order_by("pk").first()
        return f"{page.url}?sector={sector.slug}" if sector else None
    return page.url + extra


def measure(client, url, runs, warm):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warm):
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    times = []
    for _ in range(runs):
        start = time.process_time()
        client.get(url)
        times.append((time.process_time() - start) * 1000)
    callers = []

    def note_caller(execute, sql, params, many, context):
        callers.append(f"{where_from()}: {sql[:160]}")
        return execute(sql, params, many, context)

    with CaptureQueriesContext(connection) as queries, connection.execute_wrapper(note_caller):
        client.get(url)
    return len(queries), statistics.median(times), callers


def python_calls(client, url):
    """Python function calls of one request: unlike CPU time, the same whatever the load (on
    PostgreSQL within about 0.1 % from one request to the next). The garbage collector is run
    before and held during it: finalizers and weak references' callbacks of objects earlier
    work left (a test run's threads, say) would otherwise land in whichever count collects them."""
    calls = []
    gc.collect()
    gc.disable()
    sys.setprofile(lambda frame, event, arg: calls.append(1) if event == "call" else None)
    try:
        client.get(url)
    finally:
        sys.setprofile(None)
        gc.enable()
    return len(calls)


def where_from():
    """The innermost project and Wagtail frames that led to a query."""
    frames = [
        f"{frame.filename.split('site-packages/')[-1].removeprefix(BASE)}:{frame.lineno}"
        for frame in traceback.extract_stack()
        if ("/wagtail/" in frame.filename or "site-packages" not in frame.filename)
        and frame.filename.startswith(BASE)
        and "profile_pages" not in frame.filename
    ]
    return " < ".join(reversed(frames[-3:])) or "(library)"


# (column, functions whose cumulative time it adds up): pstats keys end with
# (file ending, function name). They overlap (SQL runs inside templates), so each is a share
# of the whole request, not a slice of a sum.
PARTS = (
    ("SQL", (("django/db/backends/utils.py", "_execute"),)),
    ("ORM compile", (("django/db/models/sql/compiler.py", "as_sql"),)),
    ("templates", (("django/template/base.py", "Template.render"),)),
    (
        "routing",
        (
            ("wagtail/models/pages.py", "route_for_request"),
            ("core/routing.py", "cached_route"),
            ("core/routing.py", "remember_route"),
            ("core/routing.py", "find_site"),
        ),
    ),
    ("visibility", (("core/visibility.py", "public_pages"),)),
    ("glossary", (("portal/templatetags/glossary_tags.py", "glossary"),)),
)


def breakdown(client, url, runs):
    """Each PART's share of the request's time under cProfile, in per cent."""
    from django.template.base import Template

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        client.get(url)
    profiler.disable()
    stats = pstats.Stats(profiler).stats
    template_render = Template.render.__code__.co_firstlineno

    def qualified(filename, line, name):  # Template.render among the many render()s of base.py
        is_template_render = name == "render" and line == template_render
        return "Template.render" if is_template_render else name

    total = max(
        (
            cumulative
            for (_f, _l, name), (_c, _n, _t, cumulative, _) in stats.items()
            if name == "get" and _f.endswith("django/test/client.py")
        ),
        default=0,
    )
    shares = {}
    for part, functions in PARTS:
        seconds = sum(
            cumulative
            for (filename, line, name), (_c, _n, _t, cumulative, _callers) in stats.items()
            if any(
                filename.endswith(end) and qualified(filename, line, name) == fn
                for end, fn in functions
            )
        )
        shares[part] = 100 * seconds / total if total else 0.0
    return shares


def engine_split(client, url, runs):
    """Per cent of the request's CPU time in templates, split into the template engine itself
    (nodes, variables, filters, tags' own Python) and the ORM and SQL run from inside them.

    Sampled, not traced (cProfile's overhead inflates the engine's many small calls): a CPU-time
    timer interrupts the request, and each sample's stack says whether a Template.render is on
    it and whether anything under django/db/ is.
    """
    import signal

    from django.template.base import Template

    render = Template.render.__code__
    samples = {"all": 0, "engine": 0, "orm": 0}

    def sample(_signum, frame):
        in_template = in_orm = False
        while frame is not None:
            in_template = in_template or frame.f_code is render
            in_orm = in_orm or "/django/db/" in frame.f_code.co_filename
            frame = frame.f_back
        samples["all"] += 1
        if in_template:
            samples["orm" if in_orm else "engine"] += 1

    previous = signal.signal(signal.SIGPROF, sample)
    signal.setitimer(signal.ITIMER_PROF, 0.0005, 0.0005)  # the kernel rounds it up to its tick
    try:
        for _ in range(runs):
            client.get(url)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, previous)
    total = samples["all"] or 1
    return {part: 100 * samples[key] / total for part, key in SAMPLED_PARTS}


# The sampled split of the template time: engine + ORM below templates ≈ cProfile's templates %.
SAMPLED_PARTS = (("tpl engine", "engine"), ("tpl ORM", "orm"))


def profile(client, url, runs, top):
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        client.get(url)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    stats.print_stats(top)
    out.write("\n")
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="timed requests per page")
    parser.add_argument("--warm", type=int, default=3, help="requests before timing")
    parser.add_argument("--only", default="", help="pages whose name contains this")
    parser.add_argument("--profile", default="", help="cProfile the pages whose name contains this")
    parser.add_argument("--top", type=int, default=15, help="functions in each profile")
    parser.add_argument("--sql", action="store_true", help="print each page's queries")
    parser.add_argument("--save", default="", help="write each page's HTML into this folder")
    parser.add_argument("--cold", action="store_true", help="every cache off, fragments too")
    parser.add_argument("--calls", action="store_true", help="Python calls of one request")
    parser.add_argument(
        "--breakdown", action="store_true", help="per cent of each page's time per part"
    )
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "procureplus.settings.dev")
    django.setup()
    from django.conf import settings
    from django.test import Client, override_settings

    from procureplus.settings.env import cache_backend

    overrides = {
        "PAGE_CACHE_SECONDS": 0,
        "FRAGMENT_CACHE_SECONDS": 0 if args.cold else 600,
        "DEBUG": False,
        "ALLOWED_HOSTS": ["*"],
        "CACHES": {"default": cache_backend("")},  # process memory, as production without Redis
        # No collectstatic needed: the manifest's lookup is a dict read either way.
        "STORAGES": {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    }
    if "debug_toolbar" in settings.INSTALLED_APPS:  # pragma: no cover (not installed here)
        overrides["DEBUG_TOOLBAR_CONFIG"] = {"SHOW_TOOLBAR_CALLBACK": lambda request: False}
    with override_settings(**overrides):
        client = Client(HTTP_HOST="127.0.0.1")
        parts = [part for part, _ in PARTS + SAMPLED_PARTS] if args.breakdown else []
        calls = " Python calls |" if args.calls else ""
        print(f"| page | address | queries | CPU ms |{calls}" + "".join(f" {p} % |" for p in parts))
        print("| --- | --- | ---: | ---: |" + " ---: |" * (len(parts) + bool(calls)))
        profiles = []
        for name, url in page_addresses():
            if args.only and args.only not in name:
                continue
            count, ms, sql = measure(client, url, args.runs, args.warm)
            shares = breakdown(client, url, args.runs) if parts else {}
            shares.update(engine_split(client, url, 3 * args.runs) if parts else {})
            cells = f" {python_calls(client, url)} |" if args.calls else ""
            cells += "".join(f" {shares[part]:.0f} |" for part in parts)
            print(f"| {name} | `{url}` | {count} | {ms:.1f} |{cells}", flush=True)
            if args.save:
                Path(args.save).mkdir(parents=True, exist_ok=True)
                html = client.get(url).content
                Path(args.save, name.replace(" ", "_").replace(",", "") + ".html").write_bytes(html)
            if args.sql:
                print("\n".join(f"    {line}" for line in sql))
            if args.profile and args.profile in name:
                profiles.append((name, profile(client, url, args.runs, args.top)))
        for name, text in profiles:
            print(f"\n## cProfile: {name} ({args.runs} requests)\n\n```\n{text}```")


if __name__ == "__main__":
    main()
