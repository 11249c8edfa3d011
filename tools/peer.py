"""The peer: wagtail/bakerydemo at a fixed commit, served beside the portal on the same machine.

`python -m tools.peer prepare` extracts bakerydemo's source (from PEER_GIT_DIR, a git
directory holding the commit, else a clone of PEER_REPOSITORY), makes a virtualenv with
PEER_PYTHON (3.12, as bakerydemo asks), installs its requirements from PyPI (base.txt plus the
three of production.txt its production settings use: whitenoise, psycopg, and gunicorn to serve
it as the portal is served), then migrates a SQLite database and loads its demo content
(`load_initial_data`) and collects its static files. Everything lives under PEER_DIR (.peer/).
Beside a portal on PostgreSQL, the peer runs on PostgreSQL too (the same server, a database of
its own, PEER_DATABASE_NAME, loaded the same way once): each engine's run compares two sites on
one engine.

`serving()` runs it with gunicorn, 2 sync workers, its production settings (DEBUG off, its
local-memory cache, whitenoise), on a free loopback port. tools/bench.py measures it in the
same run as the portal (docs/benchmarks.md, "The peer").
"""

import os
import secrets
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from tools.site_server import free_port, wait_until_up

BASE_DIR = Path(__file__).resolve().parent.parent
COMMIT = os.environ.get("PEER_COMMIT", "8e2b625")
REPOSITORY = os.environ.get("PEER_REPOSITORY", "https://github.com/wagtail/bakerydemo")
GIT_DIR = os.environ.get("PEER_GIT_DIR", "")
PYTHON = os.environ.get("PEER_PYTHON", str(Path.home() / ".pyenv/versions/3.12.1/bin/python"))
PEER_DIR = Path(os.environ.get("PEER_DIR", BASE_DIR / ".peer"))
SOURCE = PEER_DIR / f"bakerydemo-{COMMIT}"
VENV = PEER_DIR / "venv"
INSTALLED = VENV / ".installed-psycopg"  # a virtualenv of an older tools/peer.py lacks psycopg
DATABASE = PEER_DIR / "bakerydemo.sqlite3"
SQLITE_URL = f"sqlite:///{DATABASE}"
# The peer's database beside a portal on PostgreSQL: on the portal's server, under this name.
POSTGRES_NAME = os.environ.get("PEER_DATABASE_NAME", "procureplus_peer_bakerydemo")
# What production.txt adds that its production settings import, and the portal's server.
EXTRA_REQUIREMENTS = ["whitenoise>=6.11.0,<7", "psycopg[binary]>=3.3.3,<3.4", "gunicorn"]
# The four page types compared (tools/bench.py): bakerydemo's equivalents of the portal's.
PAGES = {
    "home": "/",
    "listing": "/breads/",
    "detail": None,  # the first blog post the blog index links to
    "search": "/search/?q=bread",
}


def database_name(url):
    """The engine's name, as the report shows it."""
    return "SQLite" if url == SQLITE_URL else "PostgreSQL"


def database_url(portal_url=""):
    """The peer's database for a portal on that database: PostgreSQL beside PostgreSQL (the
    same server, a database of its own), else SQLite."""
    if not portal_url.startswith(("postgres://", "postgresql://")):
        return SQLITE_URL
    parts = urlsplit(portal_url)
    return urlunsplit(("postgres", parts.netloc, f"/{POSTGRES_NAME}", "", ""))


def environment(url=SQLITE_URL):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": url,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback, as the portal's bench
        "REDIS_URL": "",
        "DJANGO_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(SOURCE),
        "VIRTUAL_ENV": str(VENV),
    }


def run(command, **kwargs):
    print("+", " ".join(str(part) for part in command), flush=True)
    subprocess.run(command, check=True, **kwargs)


def extract():
    if (SOURCE / "manage.py").exists():
        return
    SOURCE.mkdir(parents=True, exist_ok=True)
    git_dir = GIT_DIR
    if not git_dir:
        git_dir = str(PEER_DIR / "bakerydemo.git")
        if not Path(git_dir).exists():
            run(["git", "clone", "--bare", REPOSITORY, git_dir])
    archive = subprocess.run(
        ["git", "--git-dir", git_dir, "archive", COMMIT], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(SOURCE)], input=archive, check=True)


def prepare(url=SQLITE_URL):
    """Source, virtualenv, requirements, database with the demo content, static files."""
    if not Path(PYTHON).exists():
        sys.exit(f"No Python for the peer at {PYTHON}: set PEER_PYTHON (bakerydemo needs 3.12).")
    extract()
    pip = VENV / "bin" / "pip"
    if not INSTALLED.exists():
        run([PYTHON, "-m", "venv", str(VENV)])
        run([str(pip), "install", "--quiet", "-r", str(SOURCE / "requirements/base.txt")])
        run([str(pip), "install", "--quiet", *EXTRA_REQUIREMENTS])
        INSTALLED.touch()
    if not is_loaded(url):
        manage = [str(VENV / "bin/python"), str(SOURCE / "manage.py")]
        env = environment(url)
        run([*manage, "migrate", "--noinput", "--verbosity", "0"], env=env, cwd=SOURCE)
        run([*manage, "load_initial_data"], env=env, cwd=SOURCE)
        run([*manage, "collectstatic", "--noinput", "--verbosity", "0"], env=env, cwd=SOURCE)


def is_loaded(url):
    """Whether that database holds the demo content (its sites table has a row); a PostgreSQL
    database not there yet is created, empty."""
    if url == SQLITE_URL:
        return DATABASE.exists()
    import psycopg

    parts = urlsplit(url)
    if not create_database(urlunsplit(("postgresql", parts.netloc, "/postgres", "", ""))):
        return False
    with psycopg.connect(urlunsplit(("postgresql", *parts[1:]))) as connection:
        found = connection.execute("SELECT to_regclass('wagtailcore_site')").fetchone()[0]
        return (
            found is not None
            and connection.execute("SELECT count(*) FROM wagtailcore_site").fetchone()[0] > 0
        )


def create_database(server_url):
    """Creates the peer's PostgreSQL database unless it exists; whether it existed."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as connection:
        query = "SELECT 1 FROM pg_database WHERE datname = %s"
        if connection.execute(query, [POSTGRES_NAME]).fetchone():
            return True
        connection.execute(f'CREATE DATABASE "{POSTGRES_NAME}"')  # a name from settings
        return False


@contextmanager
def serving(url=SQLITE_URL):
    """bakerydemo under gunicorn (2 sync workers, production settings) on that database;
    yields its base URL."""
    address = f"127.0.0.1:{free_port()}"
    command = [
        str(VENV / "bin/gunicorn"),
        "bakerydemo.wsgi:application",
        "--workers",
        "2",
        "--worker-class",
        "sync",
        "--bind",
        address,
        "--keep-alive",
        "5",
    ]
    with open(PEER_DIR / "server.log", "w") as log:
        process = subprocess.Popen(
            command, env=environment(url), cwd=SOURCE, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            wait_until_up(f"http://{address}", process, ready_path="/")
            yield f"http://{address}"
        finally:
            process.terminate()
            process.wait(timeout=15)


def page_paths(base_url):
    """PAGES with the detail page found on the blog index."""
    import re
    import urllib.request

    with urllib.request.urlopen(base_url + "/blog/") as response:
        html = response.read().decode()
    found = dict(PAGES)
    found["detail"] = re.search(r'href="(/blog/[\w-]+/)"', html).group(1)
    return found


# The portal's page of each type compared (the peer's are PAGES); None: found on a listing.
PORTAL_PAGES = {
    "home": "/pt/",
    "listing": "/pt/biblioteca/",
    "detail": None,  # the first case study the case index lists
    "search": "/pt/pesquisa/?q=energia",
}
# The portal with every cache off: no whole pages, no fragments, no remembered routes.
EVERY_CACHE_OFF = {"PAGE_CACHE_SECONDS": "0", "FRAGMENT_CACHE_SECONDS": "0"}


def portal_paths(base_url):
    import re
    import urllib.request

    with urllib.request.urlopen(base_url + "/pt/casos-de-estudo/") as response:
        html = response.read().decode()
    found = dict(PORTAL_PAGES)
    found["detail"] = re.search(r'href="(/pt/casos-de-estudo/[\w-]+/)"', html).group(1)
    return found


def compare(portal_env, seconds, connections, rounds=2):
    """Each page type of the portal (every cache off) and of the peer, measured by turns on one
    machine: `rounds` alternations of wrk, the best run of each kept (a busy neighbour slows
    single runs, never speeds them). Returns {page: {"portal": result, "peer": result, paths}}."""
    import urllib.request

    from tools.loadtest import wrk_result
    from tools.site_server import serving as portal_serving

    url = database_url(portal_env.get("DATABASE_URL", ""))
    prepare(url)
    rows = {}
    with (
        portal_serving({**portal_env, **EVERY_CACHE_OFF}, production=True) as portal_url,
        serving(url) as peer_url,
    ):
        ours, theirs = portal_paths(portal_url), page_paths(peer_url)
        for name in PAGES:
            row = rows[name] = {"portal_path": ours[name], "peer_path": theirs[name]}
            for base_url, path in ((portal_url, ours[name]), (peer_url, theirs[name])):
                for _ in range(2):  # a first request per worker
                    urllib.request.urlopen(base_url + path).read()
            for _ in range(rounds):
                for base_url, path, side in (
                    (portal_url, ours[name], "portal"),
                    (peer_url, theirs[name], "peer"),
                ):
                    print(f"  {side} {name}", flush=True)
                    result = wrk_result(base_url, [path], seconds, connections)
                    best = row.get(side)
                    if (
                        best is None
                        or result["requests"] / result["seconds"]
                        > best["requests"] / best["seconds"]
                    ):
                        row[side] = result
    return rows


def main():
    command = sys.argv[1] if len(sys.argv) > 1 else "prepare"
    url = database_url(os.environ.get("DATABASE_URL", ""))  # PostgreSQL beside PostgreSQL
    if command == "prepare":
        prepare(url)
    elif command == "compare":  # the portal DATABASE_URL names, already loaded and collected
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "procureplus.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "WEB_CONCURRENCY": "2",
            "SECURE_SSL_REDIRECT": "false",
        }
        seconds = int(os.environ.get("BENCH_SECONDS", "10"))
        connections = int(os.environ.get("BENCH_CONNECTIONS", "8"))
        from tools.bench_report import peer_table

        print("\n".join(peer_table(compare(env, seconds, connections))))
    elif command == "serve":  # by hand: Ctrl-C stops it
        prepare(url)
        with serving(url) as base_url:
            print(f"bakerydemo at {base_url}: {page_paths(base_url)}", flush=True)
            try:
                while True:
                    input()
            except (EOFError, KeyboardInterrupt):
                pass
    else:
        sys.exit("python -m tools.peer [prepare|serve|compare]")


if __name__ == "__main__":
    main()
