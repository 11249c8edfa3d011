"""Production: every secret from the environment; refuses to start without them."""

import os

from .base import *  # noqa: F403
from .env import env_bool, env_list, required, split_list

DEBUG = False
SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = split_list(required("ALLOWED_HOSTS"))
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Moderators and superusers sign in with a second factor unless the environment says otherwise.
TWO_FACTOR_REQUIRED_FOR = os.environ.get("TWO_FACTOR_REQUIRED_FOR", "").strip() or "moderators"
# gunicorn's workers keep their connections: a new PostgreSQL connection per request cost more
# than serving a cached page. (runserver's thread per request would only leak them.)
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "600"))  # noqa: F405

# HTTPS everywhere; the proxy in front says which requests came over TLS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Health probes inside a stack or VM speak plain HTTP to gunicorn (ops/health.py).
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
