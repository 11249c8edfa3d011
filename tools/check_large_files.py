"""Pre-commit hook: no file over MAX_KB enters the repository (a database, a dump, a build).

The largest file kept on purpose (the locked requirements with their hashes) is under 200 KB;
fixture documents are generated, not stored. Usage: check_large_files.py FILE...
"""

import sys
from pathlib import Path

MAX_KB = 500


def too_large(paths, max_kb=MAX_KB):
    return [
        (path, Path(path).stat().st_size // 1024)
        for path in paths
        if Path(path).is_file() and Path(path).stat().st_size > max_kb * 1024
    ]


def main(paths):
    found = too_large(paths)
    for path, size in found:
        print(f"{path}: {size} KB, over {MAX_KB} KB: keep it out of git (.gitignore)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
