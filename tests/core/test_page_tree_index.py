"""The page tree's index by depth and path (core/migrations/0004) is there on every engine."""

from django.db import connection

import pytest


@pytest.mark.django_db
def test_the_page_tree_is_indexed_by_depth_then_path():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    assert constraints["core_page_depth_path"]["columns"] == ["depth", "path"]
