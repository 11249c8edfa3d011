"""A served copy of the portal with its own database, loaded as `make run` loads it.

Used by the browser suite (runserver, test settings) and by `make loadtest` (gunicorn,
production settings).
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
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
def fresh_database(tmp_dir, suffix="_site", url=None):
    """A new database of the engine the URL (by default DATABASE_URL) names: a SQLite file, or
    a PostgreSQL sibling named with the suffix (dropped and made again, dropped at the end)."""
    url = os.environ.get("DATABASE_URL", "") if url is None else url
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp_dir / 'site.sqlite3'}"
        return
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/") + suffix
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


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


@contextmanager
def prepared_site(tmp_dir, production=False, extra_commands=(), extra_env=None, database=None):
    """A fresh database set up as `make run` sets it up; yields the environment to serve it.

    `database`: (url, suffix) for fresh_database, instead of DATABASE_URL's sibling.
    """
    tmp_dir = Path(tmp_dir)
    url, suffix = database or (None, "_site")
    with fresh_database(tmp_dir, suffix, url) as database_url:
        env = {**site_environment(tmp_dir, database_url, production), **(extra_env or {})}
        commands = [*SETUP_COMMANDS, *([["collectstatic", "--noinput"]] if production else [])]
        for command in [*commands, *extra_commands]:
            subprocess.run([*MANAGE, *command], env=env, check=True, capture_output=True)
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
def running_site(tmp_dir, production=False, extra_commands=(), extra_env=None):
    """Sets up a fresh database and serves it on a free loopback port; yields the base URL."""
    with (
        prepared_site(tmp_dir, production, extra_commands, extra_env) as env,
        serving(env, production, Path(tmp_dir) / "server.log") as base_url,
    ):
        yield base_url
