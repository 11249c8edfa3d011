"""Templates are compiled once per process, not per request: Django's cached loader is in front
(its default whenever TEMPLATES sets no "loaders", DEBUG or not, since Django 4.1)."""

from django.conf import settings
from django.template import engines
from django.template.loaders.cached import Loader as CachedLoader


def test_templates_are_compiled_once_per_process():
    assert "loaders" not in settings.TEMPLATES[0].get("OPTIONS", {})
    engine = engines["django"].engine
    assert isinstance(engine.template_loaders[0], CachedLoader)
    assert engine.get_template("base.html") is engine.get_template("base.html")
