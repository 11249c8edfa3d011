"""Pre-commit hook: no credential enters the repository (private keys, cloud and service tokens,
a hard-coded SECRET_KEY or password).

Secrets come from the environment (docs/configuration.md). Test passwords (a tests folder) are not
hard-coded secrets (as for ruff's S105/S106), keys and tokens are; a deliberate value on a line
that also says `secrets: allow` passes. Usage: check_secrets.py FILE...
"""

import re
import sys
from pathlib import Path

ALLOW = "secrets: allow"
PATTERNS = {
    "private key": re.compile(r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY"),
    "AWS access key id": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "Slack token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"),
    "Sentry DSN with its key": re.compile(r"https://[0-9a-f]{32}@[\w.-]+/\d+"),
    # SECRET_KEY = "…", PASSWORD: '…' and the like, with a literal of 12 characters or more.
    "hard-coded secret": re.compile(
        r"""(?i)\b[\w]*(?:secret_key|password|passwd|api_key|access_key|token)\b["']?\s*[:=]\s*"""
        r"""["'][^"'\s{}$<>]{12,}["']"""
    ),
}
SKIPPED_SUFFIXES = {".po", ".mo", ".png", ".jpg", ".pdf", ".ico", ".woff2", ".svg"}


def findings(path):
    if Path(path).suffix in SKIPPED_SUFFIXES or not Path(path).is_file():
        return
    try:
        text = Path(path).read_text("utf-8")
    except UnicodeDecodeError:
        return  # binary
    for number, line in enumerate(text.splitlines(), 1):
        if ALLOW in line:
            continue
        for name, pattern in PATTERNS.items():
            if name == "hard-coded secret" and "tests" in Path(path).parts:
                continue
            if pattern.search(line):
                yield number, name


def main(paths):
    status = 0
    for path in paths:
        for number, name in findings(path):
            print(f"{path}:{number}: looks like a secret ({name}): read it from the environment")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
