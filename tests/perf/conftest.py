from django.core.cache import cache

import pytest


@pytest.fixture
def changes(django_capture_on_commit_callbacks):
    """Runs an edit and commits it, as the admin does: the caches hear of it on commit."""

    def commit(edit):
        with django_capture_on_commit_callbacks(execute=True):
            edit()

    return commit


@pytest.fixture
def empty_cache():
    """Every test starts at content version 0: entries another test left must not answer."""
    cache.clear()
    yield
    cache.clear()
