"""Tests: fast hashing, plain static storage, mail kept in memory."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import BASE_DIR
from .env import local_secret_key

DEBUG = False
SECRET_KEY = local_secret_key(BASE_DIR)
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Uploaded files go to a temporary folder of this test run, removed when it ends; the browser
# suite's server shares one folder across its setup commands through TEST_MEDIA_ROOT.
if os.environ.get("TEST_MEDIA_ROOT"):
    MEDIA_ROOT = Path(os.environ["TEST_MEDIA_ROOT"])
else:
    MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="procureplus-test-media-"))
    atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run inside the request, so tests see their effect at once; tests/test_tasks.py and
# the mail-server tests switch to the database backend and run the worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The two-server test sets it to the host its visitors use, so the warm-up fills their entries.
WAGTAILADMIN_BASE_URL = os.environ.get("TEST_WAGTAILADMIN_BASE_URL", "http://testserver")
# Serve static files from the finders, as in development: tests do not run collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Query budgets measure rendering; tests/perf/test_page_cache.py and test_fragment_cache.py
# switch the caches on, and the two-server test through the environment.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "0"))
# Admin tests sign in with force_login and no second factor; tests/accounts switch it on.
TWO_FACTOR_REQUIRED_FOR = "nobody"
