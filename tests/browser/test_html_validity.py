"""The Nu HTML Checker finds no error in any page type, in either language."""

import json
import shutil
import subprocess

import pytest

from .conftest import VNU_JAR, require
from .pages import VISITS


def vnu_errors_in(paths):
    """The checker's errors for the given files, from one Java start."""
    java = shutil.which("java")
    tools = {str(VNU_JAR): VNU_JAR.exists(), "java": java}
    require([name for name, found in tools.items() if not found])
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return [m for m in json.loads(result.stdout)["messages"] if m["type"] == "error"]


@pytest.fixture(scope="package")
def vnu_errors(raw_pages, tmp_path_factory):
    """(page type, language) -> the checker's errors on the HTML the server sent."""
    folder = tmp_path_factory.mktemp("vnu")
    files = {visit: folder / f"{visit[0]}.{visit[1]}.html" for visit in raw_pages}
    for visit, path in files.items():
        path.write_text(raw_pages[visit])
    errors = vnu_errors_in(files.values())
    return {
        visit: [e for e in errors if e["url"].endswith("/" + path.name)]
        for visit, path in files.items()
    }


@pytest.mark.parametrize(("name", "language"), VISITS)
def test_no_html_errors(vnu_errors, name, language):
    errors = vnu_errors[name, language]
    assert errors == [], "\n".join(
        f"line {e.get('lastLine')}: {e['message']} [{e.get('extract', '')}]" for e in errors
    )


def test_the_checker_reports_errors(tmp_path):
    """The checker itself is working: a broken document does not pass."""
    broken = tmp_path / "broken.html"
    broken.write_text("<!DOCTYPE html><html lang=en><title>x</title><p>open<div></html>")
    assert vnu_errors_in([broken])
