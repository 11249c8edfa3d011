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
# Recycle workers now and then, so a slow leak can never take the site down; at 2,000 a worker
# serving cached pages restarted every two seconds, a tenth of the cached rate lost to it.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = max_requests // 10
preload_app = True
accesslog = os.environ.get("ACCESS_LOG") or None  # "-" logs each request to stdout
errorlog = "-"
# Proxies whose X-Forwarded-Proto is believed (the TLS-terminating proxy in front).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# LOG_FORMAT=json: gunicorn's error and access logs as JSON lines, like the portal's.
logconfig_dict = gunicorn_logging(os.environ.get("LOG_FORMAT", "text").strip().lower()) or {}
