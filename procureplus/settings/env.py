"""Reading configuration from the environment."""

import os
import re
import secrets
import shutil
import subprocess
import tomllib
from importlib import metadata
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


def split_list(value):
    """A comma-separated value as a list, blanks dropped."""
    return [item.strip() for item in value.split(",") if item.strip()]


def env_list(name, default=""):
    return split_list(os.environ.get(name, default))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def sqlite_options(busy_seconds):
    """SQLite shared by several processes: write-ahead log, a wait for the write lock, and
    transactions that take it at BEGIN (Django 5.1+)."""
    return {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": busy_seconds,
        "transaction_mode": "IMMEDIATE",
    }


def postgresql_options(prepare_threshold):
    """psycopg 3 binds parameters on the server and prepares a query once it has run
    prepare_threshold times on a connection, so a kept connection plans it once. Empty:
    Django's default (client-side binding, nothing prepared), for PgBouncer in transaction
    pooling mode, which runs the next transaction on a server connection without the statement."""
    if not prepare_threshold.strip():
        return {}
    return {"server_side_binding": True, "prepare_threshold": int(prepare_threshold)}


CHECKOUT_DIR = Path(__file__).resolve().parent.parent.parent


def git_commit(directory=CHECKOUT_DIR):
    """The checkout's commit, or "" outside a git checkout (the image has no .git)."""
    git = shutil.which("git")
    if git is None:
        return ""
    try:
        done = subprocess.run(  # noqa: S603 (a fixed command, no input)
            [git, "rev-parse", "--short=12", "HEAD"],
            cwd=directory,
            capture_output=True,
            text=True,
            timeout=5,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def package_version():
    """The version pyproject.toml gives (installed or not: the image installs only the locks)."""
    try:
        return metadata.version("procureplus")
    except metadata.PackageNotFoundError:
        with (CHECKOUT_DIR / "pyproject.toml").open("rb") as handle:
            return tomllib.load(handle)["project"]["version"]


def deploy_version(env=os.environ):
    """What is deployed: RELEASE or APP_VERSION (set by the deploy or the image), else the git
    commit, else the package's version; a cache key's prefix (at most 40 safe characters)."""
    version = (
        env.get("RELEASE", "").strip()
        or env.get("APP_VERSION", "").strip()
        or git_commit()
        or package_version()
    )
    return re.sub(r"[^A-Za-z0-9._-]", "-", version)[:40]


def cache_backend(redis_url, retry_seconds=None, key_prefix=None):
    """Redis when REDIS_URL is set (shared by all workers and servers), else process memory.

    Redis through django-redis: an error or time-out is a cache miss, never a failed page
    (core/redis_cache.py); after one, Redis is skipped for retry_seconds (5 by default). Every
    key starts with the deploy version (key_prefix), so no pickled page, route or fragment of
    one release is read by the next.
    """
    key_prefix = deploy_version() if key_prefix is None else key_prefix
    if redis_url:
        pool_kwargs = {} if retry_seconds is None else {"retry_seconds": retry_seconds}
        options = {
            "IGNORE_EXCEPTIONS": True,  # logged once a minute by core.degraded
            "SOCKET_CONNECT_TIMEOUT": 0.5,  # seconds; a Redis beside the servers takes < 1 ms
            "SOCKET_TIMEOUT": 1.0,  # seconds for one command (a cached page reads in ~1 ms)
            "CONNECTION_POOL_CLASS": "core.redis_cache.FailFastPool",
            "CONNECTION_POOL_KWARGS": pool_kwargs,
            "REDIS_CLIENT_CLASS": "core.redis_cache.FailFastRedis",
        }
        backend = "django_redis.cache.RedisCache"
        return {
            "BACKEND": backend,
            "LOCATION": redis_url,
            "OPTIONS": options,
            "KEY_PREFIX": key_prefix,
        }
    # MAX_ENTRIES belongs in OPTIONS: at the top level Django ignores it and keeps 300.
    return {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
        "KEY_PREFIX": key_prefix,
    }


def media_storage(env):
    """S3-compatible object storage when AWS_STORAGE_BUCKET_NAME is set, else MEDIA_ROOT."""
    bucket = env.get("AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        "endpoint_url": env.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": env.get("AWS_S3_REGION_NAME") or None,
        "access_key": env.get("AWS_ACCESS_KEY_ID") or None,
        "secret_key": env.get("AWS_SECRET_ACCESS_KEY") or None,
        "default_acl": "private",  # files reach visitors only through Wagtail's serve view
        "querystring_auth": True,
        "file_overwrite": False,
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def frontend_cache(env):
    """Wagtail purges a page's URLs from the CDN or proxy when it is published or unpublished."""
    backends = {}
    if env.get("FRONTEND_CACHE_PURGE_URL"):
        backends["proxy"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env["FRONTEND_CACHE_PURGE_URL"],
        }
    if env.get("CLOUDFLARE_API_TOKEN"):
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": env["CLOUDFLARE_API_TOKEN"],
            "ZONEID": env.get("CLOUDFLARE_ZONE_ID", ""),
        }
    return backends


def required(name):
    """A variable production cannot run without."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value


def local_secret_key(base_dir: Path):
    """SECRET_KEY from the environment, else one kept in a git-ignored file for this checkout."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = base_dir / ".secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()
