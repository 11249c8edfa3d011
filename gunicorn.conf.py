"""gunicorn settings for the production server (`make serve`, `make bench`, deployment).

gunicorn reads this file from the working directory; each value comes from the environment.
"""

import multiprocessing
import os

from procureplus.settings.log_config import gunicorn_logging

wsgi_app = "procureplus.wsgi:application"
bind = os.environ.get("BIND", "127.0.0.1:8000")
# Sync workers, one per core by default: rendering is CPU-bound and the database is local.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Workers are not recycled unless GUNICORN_MAX_REQUESTS asks: a recycled worker left its
# connections waiting about a second for the new one, which then rendered every page afresh
# into an empty per-process cache: at 50,000 that was every half minute at full load, and the
# 0.5-1 s p99 of cached pages (docs/benchmarks.md, "Slow tail").
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
preload_app = True
accesslog = os.environ.get("ACCESS_LOG") or None  # "-" logs each request to stdout
errorlog = "-"
# Proxies whose X-Forwarded-Proto is believed (the TLS-terminating proxy in front).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# LOG_FORMAT=json: gunicorn's error and access logs as JSON lines, like the portal's.
logconfig_dict = gunicorn_logging(os.environ.get("LOG_FORMAT", "text").strip().lower()) or {}


def when_ready(server):
    """In the master, once the app is loaded: first-request work done before any fork."""
    from procureplus.worker_warmup import warm

    warm()
