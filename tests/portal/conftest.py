"""Support requests and staff members for the FAQ-draft tests (tests/buyers/inbox.py)."""

from tests.buyers.inbox import ask, make_request, member  # noqa: F401  (fixtures)
