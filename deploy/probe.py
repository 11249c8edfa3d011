"""A health probe without curl in the image: `python deploy/probe.py /readyz` exits 0 on 200.

It asks gunicorn at BIND with the first of ALLOWED_HOSTS as the Host."""

import os
import sys
import urllib.request

bind = os.environ.get("BIND", "127.0.0.1:8000").replace("0.0.0.0", "127.0.0.1")  # noqa: S104
host = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")[0].strip()
request = urllib.request.Request(f"http://{bind}{sys.argv[1]}", headers={"Host": host})
try:
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 (loopback)
        sys.exit(0 if response.status == 200 else 1)
except OSError as error:
    sys.exit(f"{sys.argv[1]}: {error}")
