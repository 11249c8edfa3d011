"""Fixtures of the support-request inbox tests (tests/buyers/inbox.py)."""

from tests.buyers.inbox import ask, make_request, member  # noqa: F401  (fixtures)
