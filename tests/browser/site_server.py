"""A real server for the browser suite: its own database, loaded with the portal's content."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings

SETUP_COMMANDS = (
    ["migrate", "--noinput", "--verbosity", "0"],
    ["load_portal_content"],
    ["update_search_entries"],
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def browser_database(tmp_dir):
    """A fresh database of the suite's engine: a SQLite file, or a PostgreSQL sibling database."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp_dir / 'browser.sqlite3'}"
        return
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_browser"
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def wait_until_up(base_url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The site server exited with code {process.returncode}.")
        try:
            with urllib.request.urlopen(f"{base_url}/pt/", timeout=5):  # noqa: S310 (loopback)
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    raise RuntimeError(f"The site server did not answer within {timeout} s.")


@contextmanager
def running_site(tmp_dir):
    """Sets up a database as `make run` does and serves it on a free loopback port."""
    with browser_database(tmp_dir) as database_url:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "procureplus.settings.test",
            "DATABASE_URL": database_url,
            "TEST_MEDIA_ROOT": str(tmp_dir / "media"),
        }
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        for command in SETUP_COMMANDS:
            subprocess.run([*manage, *command], env=env, check=True, capture_output=True)
        base_url = f"http://127.0.0.1:{free_port()}"
        log = (tmp_dir / "server.log").open("w")
        process = subprocess.Popen(
            [*manage, "runserver", base_url.removeprefix("http://"), "--noreload"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_up(base_url, process)
            yield base_url
        finally:
            process.terminate()
            process.wait(timeout=10)
            log.close()
