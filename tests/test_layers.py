"""No lower layer names an app above it by string either (lint-imports checks the imports)."""

import ast
import re
import tomllib
from pathlib import Path

from django.conf import settings

import pytest

PYPROJECT = tomllib.loads((settings.BASE_DIR / "pyproject.toml").read_text("utf-8"))
LAYERS = [
    layer.split(" | ") for layer in PYPROJECT["tool"]["importlinter"]["contracts"][0]["layers"]
]


def above(app):
    """The apps in layers above the app's own, and its siblings."""
    index = next(i for i, layer in enumerate(LAYERS) if app in layer)
    higher = [name for layer in LAYERS[:index] for name in layer]
    return higher + [name for name in LAYERS[index] if name != app]


def strings(app):
    """Every string literal in the app's code, with its file and line (migrations aside)."""
    for path in sorted(Path(settings.BASE_DIR, app).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            where = f"{path.relative_to(settings.BASE_DIR)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield where, node.value
            elif is_get_model(node) and isinstance(node.args[0], ast.Constant):
                yield where, f"{node.args[0].value}.{getattr(node.args[1], 'value', '')}"


def is_get_model(node):
    """apps.get_model("app", "Model"): the app named alone, the model in the next argument."""
    return (
        isinstance(node, ast.Call)
        and getattr(node.func, "attr", "") == "get_model"
        and len(node.args) == 2
    )


@pytest.mark.parametrize("app", [app for layer in LAYERS[1:] for app in layer])
def test_no_app_names_an_app_above_it_or_beside_it(app):
    names = "|".join(above(app))
    # A model label ("documents.LibraryDocument") or a dotted path ("portal.views.x").
    label = re.compile(rf"^({names})\.([A-Z]\w*$|[a-z_]+\.)")
    found = [f"{where}: {value!r}" for where, value in strings(app) if label.match(value)]
    assert found == []


def test_the_layers_cover_every_app_of_the_project():
    ours = {app for app in settings.INSTALLED_APPS if Path(settings.BASE_DIR, app).is_dir()}
    assert ours <= {name for layer in LAYERS for name in layer}
