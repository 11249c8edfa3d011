"""The portal's real content (fixtures/), loaded once per test run and shared by its tests.

The first test that asks for `portal_content` opens a transaction around the test database,
loads fixtures/ in it and leaves it open; every test that asks afterwards runs inside it, in
the savepoint of pytest-django's `db`, so its edits roll back and the next test sees the
content as loaded. Those tests run one after another (see `group_content_tests`), and the
transaction is rolled back after the last of them, so no other test ever sees the content.
Transactional tests (`transaction=True`, `transactional_db`, `live_server`) flush the tables,
so they load the content for themselves, as every test did before.
"""

from django.conf import settings
from django.db import transaction

import pytest

from ops.content_loader import ContentLoader

WANTED = pytest.StashKey[bool]()
BLOCK = pytest.StashKey["SharedContent"]()


def load_content():
    return ContentLoader(settings.BASE_DIR / "fixtures").load()


def is_transactional(item):
    marker = item.get_closest_marker("django_db")
    flushes = marker is not None and (
        marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")
    )
    return bool(flushes) or bool({"transactional_db", "live_server"} & set(item.fixturenames))


def shares_content(item):
    """True for a test that asks for the content and runs in a rolled-back transaction."""
    return "portal_content" in getattr(item, "fixturenames", ()) and not is_transactional(item)


class SharedContent:
    """The open transaction holding the loaded content, and what the loader reported."""

    def __init__(self, blocker):
        self.blocker = blocker
        self.atomic = None
        self.report = None

    @property
    def is_open(self):
        return self.atomic is not None

    def open(self):
        with self.blocker.unblock():
            self.atomic = transaction.atomic()
            # Marked as a test case's own block, so code using atomic(durable=True) still runs.
            self.atomic._from_testcase = True
            self.atomic.__enter__()
            self.report = load_content()

    def close(self):
        if not self.is_open:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
        self.atomic = None


def group_content_tests(config, items):
    """Moves the tests sharing the content next to each other, after pytest-django's order.

    pytest-django runs the tests in a transaction first, then the transactional ones, then
    those without a database; the sharing tests all belong to the first group, and move to
    the place of the first of them, so the group stays whole.
    """
    sharing = [item for item in items if shares_content(item)]
    config.stash[WANTED] = bool(sharing)
    if not sharing:
        return
    first = items.index(sharing[0])
    others = [item for item in items if not shares_content(item)]
    items[:] = others[:first] + sharing + others[first:]


@pytest.fixture(scope="session")
def shared_content_block(request, django_db_setup, django_db_blocker):
    """Opens the shared transaction before the first sharing test's own savepoint."""
    block = SharedContent(django_db_blocker)
    request.config.stash[BLOCK] = block
    if request.config.stash.get(WANTED, False):
        block.open()
    yield block
    block.close()


def close_after_last_sharing_test(item, nextitem):
    """Rolls the content back once the next test does not share it."""
    block = item.config.stash.get(BLOCK, None)
    if block is not None and nextitem is not None and not shares_content(nextitem):
        block.close()
