"""Pre-commit hook: no template line runs past MAX_LENGTH characters.

The text of a `{% translate "…" %}` is not counted: a sentence stays on one line so that its
msgid (locale/pt/LC_MESSAGES/django.po) does not change. Break a long line between tags, or
inside `{% blocktranslate trimmed %}`. Usage: check_template_lines.py FILE...
"""

import re
import sys
from pathlib import Path

MAX_LENGTH = 200
TRANSLATED = re.compile(r"""({%\s*(?:translate|trans)\s+)(["'])(.*?)\2""")


def counted_length(line):
    return len(TRANSLATED.sub(lambda m: m[1] + m[2] * 2, line))


def long_lines(path):
    for number, line in enumerate(Path(path).read_text("utf-8").splitlines(), 1):
        if counted_length(line) > MAX_LENGTH:
            yield number, len(line)


def main(paths):
    status = 0
    for path in paths:
        for number, length in long_lines(path):
            print(f"{path}:{number}: {length} characters, over {MAX_LENGTH}: break it")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
