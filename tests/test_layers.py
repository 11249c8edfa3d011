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


def search_kinds_by_app():
    """{kind: app} for every kind of search entry: a registered source's model's app, or the
    app of the page type that names it (`search_kind`)."""
    from wagtail.models import get_page_models

    from search import registry

    owners = {registry.PAGE: "search"}
    owners.update({s.kind: s.model._meta.app_label for s in registry.sources()})
    for model in get_page_models():
        if getattr(model, "search_kind", None):
            owners[model.search_kind] = model._meta.app_label
    assert set(owners) == {kind.kind for kind in registry.kinds()}  # each kind has its owner
    return owners


def kinds_named(app):
    """String literals used as a search entry's kind: `kind=…`, `{"kind": …}`, `….kind == …`."""
    for path in sorted(Path(settings.BASE_DIR, app).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            values = []
            if isinstance(node, ast.keyword) and node.arg == "kind":
                values = [node.value]
            elif isinstance(node, ast.Dict):
                values = [v for k, v in zip(node.keys, node.values, strict=True) if is_kind(k)]
            elif isinstance(node, ast.Compare) and is_kind(node.left):
                values = node.comparators
            where = f"{path.relative_to(settings.BASE_DIR)}:{getattr(node, 'lineno', 0)}"
            for value in values:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    yield where, value.value


def is_kind(node):
    return (isinstance(node, ast.Constant) and node.value == "kind") or (
        isinstance(node, ast.Attribute) and node.attr == "kind"
    )


def test_the_search_app_names_no_kind_of_the_apps_above_it():
    """Kinds come from the registry (search.registry): search itself names only "page"."""
    theirs = {kind for kind, owner in search_kinds_by_app().items() if owner != "search"}
    found = [f"{where}: {value!r}" for where, value in kinds_named("search") if value in theirs]
    assert found == []


def methods_defined_in(apps, models_only=False):
    """Names of the methods the classes of these apps define (their models' only, if asked);
    with every function of their modules too, unless models_only."""
    names = set()
    for app in apps:
        for path in Path(settings.BASE_DIR, app).rglob("*.py"):
            if "migrations" in path.parts or (
                models_only and "models" not in path.parts and path.name != "models.py"
            ):
                continue
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if not models_only and isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    names.add(node.name)
                if isinstance(node, ast.ClassDef):
                    names |= {
                        item.name
                        for item in node.body
                        if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
                    }
    return names


def framework_names():
    """Every attribute of the Django and Wagtail classes an app's model or queryset builds on,
    and of the registries every app uses (hooks, the admin, template libraries)."""
    from django import template
    from django.contrib import admin
    from django.db import models

    from wagtail import hooks
    from wagtail.contrib.forms.models import FormMixin
    from wagtail.documents.models import AbstractDocument
    from wagtail.models import Page, PageManager, PageQuerySet

    classes = [models.Model, models.QuerySet, models.Manager, Page, PageQuerySet, PageManager]
    registries = [hooks, admin.site, template.Library]
    return {
        name for cls in [*classes, AbstractDocument, FormMixin, *registries] for name in dir(cls)
    }


def methods_called(app):
    for path in sorted(Path(settings.BASE_DIR, app).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                yield f"{path.relative_to(settings.BASE_DIR)}:{node.lineno}", node.func.attr


@pytest.mark.parametrize("app", [app for layer in LAYERS[1:] for app in layer])
def test_no_app_calls_a_method_only_the_models_of_an_app_above_it_define(app):
    """E.g. core calling `.public()` on the library's documents: a dependency no import shows.
    A method of the same name in the app itself, a layer below or the framework is fine."""
    below = [name for layer in LAYERS for name in layer if name not in above(app)]
    theirs = methods_defined_in(above(app), models_only=True) - methods_defined_in(below)
    theirs -= framework_names()
    found = [f"{where}: .{name}()" for where, name in methods_called(app) if name in theirs]
    assert found == []
