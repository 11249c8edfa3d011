"""Runs Python code in a fresh process (settings and imports as at start-up), from the repo."""

import os
import subprocess
import sys

from django.conf import settings


def run_python(code, **env):
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
