"""A served copy of the portal with its own database, loaded as `make run` loads it.

Used by the browser suite (runserver, test settings), the fault and two-server tests, `make
loadtest` and `make bench` (gunicorn, production settings).
"""

import atexit
import os
import secrets
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
MANAGE = [sys.executable, str(BASE_DIR / "manage.py")]
SETUP_COMMANDS = (
    ["migrate", "--noinput", "--verbosity", "0"],
    ["load_portal_content"],
    ["update_search_entries"],
)


def database_engine():
    on_postgres = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
    return "PostgreSQL" if on_postgres else "SQLite"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def fresh_database(tmp_dir, suffix="_site", url=None, template=None):
    """A new database of the engine the URL (by default DATABASE_URL) names: a SQLite file, or
    a PostgreSQL sibling named with the suffix (dropped and made again, dropped at the end).
    `template`: the URL of a database of the same engine to start from, a copy of it."""
    url = os.environ.get("DATABASE_URL", "") if url is None else url
    if not url.startswith(("postgres://", "postgresql://")):
        path = tmp_dir / "site.sqlite3"
        if template:
            with sqlite3.connect(sqlite_path(template)) as source, sqlite3.connect(path) as copy:
                source.backup(copy)
        yield f"sqlite:///{path}"
        return
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/") + suffix
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    copied = f' TEMPLATE "{urlsplit(template).path.lstrip("/")}"' if template else ""
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"{copied}')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def sqlite_path(url):
    return url.removeprefix("sqlite:///")  # sqlite:////tmp/x → /tmp/x; sqlite:///x → x


def wait_until_up(base_url, process, timeout=60, ready_path="/pt/"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The site server exited with code {process.returncode}.")
        try:
            with urllib.request.urlopen(f"{base_url}{ready_path}", timeout=15):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):  # busy, still starting
            time.sleep(0.3)
    raise RuntimeError(f"The site server did not answer within {timeout} s.")


def site_environment(tmp_dir, database_url, production):
    env = {**os.environ, "DATABASE_URL": database_url, "TEST_MEDIA_ROOT": str(tmp_dir / "media")}
    if not production:
        return {**env, "DJANGO_SETTINGS_MODULE": "procureplus.settings.test"}
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "procureplus.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WEB_CONCURRENCY": "2",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback; no proxy in front
        "MEDIA_ROOT": str(tmp_dir / "media"),
        "STATIC_ROOT": str(tmp_dir / "static"),
    }


def server_command(address, production):
    if not production:
        return [*MANAGE, "runserver", address, "--noreload"]
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    return [gunicorn, "--config", str(BASE_DIR / "gunicorn.conf.py"), "--bind", address]


def run_commands(commands, env):
    for command in commands:
        subprocess.run([*MANAGE, *command], env=env, check=True, capture_output=True)


BASES = {}  # database URL asked for (None: DATABASE_URL's) → (base database URL, its media)


def site_base(url):
    """The database and uploaded files of SETUP_COMMANDS, run once in this process for the
    engine the URL names (with test settings: what they store does not depend on them)."""
    if url not in BASES:
        kept = ExitStack()  # closed when the process ends: the database, then the folder
        atexit.register(kept.close)
        tmp_dir = Path(
            kept.enter_context(
                tempfile.TemporaryDirectory(
                    prefix="procureplus-site-base-", ignore_cleanup_errors=True
                )
            )
        )
        base_url = kept.enter_context(fresh_database(tmp_dir, "_site_base", url))
        run_commands(SETUP_COMMANDS, site_environment(tmp_dir, base_url, production=False))
        BASES[url] = (base_url, tmp_dir / "media")
    return BASES[url]


@contextmanager
def prepared_site(
    tmp_dir, production=False, extra_commands=(), extra_env=None, database=None, from_base=False
):
    """A fresh database set up as `make run` sets it up; yields the environment to serve it.

    `database`: (url, suffix) for fresh_database, instead of DATABASE_URL's sibling.
    `from_base`: start from a copy of this process's `site_base` (the tests' many sites: a copy
    takes a second where the setup takes tens).
    """
    tmp_dir = Path(tmp_dir)
    url, suffix = database or (None, "_site")
    base_url, base_media = site_base(url) if from_base else (None, None)
    with fresh_database(tmp_dir, suffix, url, template=base_url) as database_url:
        env = {**site_environment(tmp_dir, database_url, production), **(extra_env or {})}
        if base_media is not None and base_media.exists():
            shutil.copytree(base_media, tmp_dir / "media", dirs_exist_ok=True)
        commands = [] if from_base else list(SETUP_COMMANDS)
        if production:
            commands.append(["collectstatic", "--noinput"])
        run_commands([*commands, *extra_commands], env)
        yield env


@contextmanager
def serving(env, production=False, log_path=None, ready_path="/pt/"):
    """Serves a prepared site on a free loopback port; yields the base URL once ready_path
    answers 200 (/healthz for a server whose database is meant to be unreachable)."""
    address = f"127.0.0.1:{free_port()}"
    with open(log_path or os.devnull, "w") as server_log:
        process = subprocess.Popen(
            server_command(address, production),
            env=env,
            stdout=server_log,
            stderr=subprocess.STDOUT,
            cwd=BASE_DIR,
        )
        try:
            wait_until_up(f"http://{address}", process, ready_path=ready_path)
            yield f"http://{address}"
        finally:
            process.terminate()
            process.wait(timeout=15)


@contextmanager
def running_site(tmp_dir, production=False, extra_commands=(), extra_env=None, from_base=False):
    """Sets up a fresh database and serves it on a free loopback port; yields the base URL."""
    with (
        prepared_site(tmp_dir, production, extra_commands, extra_env, from_base=from_base) as env,
        serving(env, production, Path(tmp_dir) / "server.log") as base_url,
    ):
        yield base_url
