"""Local development: DEBUG on, mail to the console, a per-checkout secret key."""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR
from .env import env_list, local_secret_key

DEBUG = True
SECRET_KEY = local_secret_key(BASE_DIR)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
