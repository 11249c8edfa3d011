"""tools/profile_pages.py finds each page type present and measures it."""

import sys

from django.utils import translation

import pytest

from tests.documents.factories import DocumentLibraryPageFactory, LibraryDocumentFactory
from tools import profile_pages


@pytest.mark.django_db
def test_addresses_and_measures(client, homes):
    library = DocumentLibraryPageFactory(parent=homes["pt"], locale=homes["pt"].locale)
    document = LibraryDocumentFactory()
    addresses = dict(profile_pages.page_addresses())
    assert addresses["home PT"] == "/pt/"
    assert addresses["home EN"] == "/en/"
    with translation.override("pt"):  # its slug is the title in PT, whatever ran before
        assert addresses["document"] == library.document_url(document)
    assert "webinar" not in addresses  # no webinar list here: skipped, not an error
    queries, cpu_ms, callers = profile_pages.measure(client, addresses["library"], runs=2, warm=1)
    assert queries == len(callers) > 0
    assert cpu_ms > 0
    # Nearly the same count each time (a repeatable measure whatever the load), and one a profiler's
    # hook left unset: a second count is not inflated by the first one's.
    calls = profile_pages.python_calls(client, addresses["library"])
    again = profile_pages.python_calls(client, addresses["library"])
    assert calls > 1000
    assert abs(calls - again) <= calls // 1000  # on PostgreSQL a dozen calls of 26,000 vary
    assert sys.getprofile() is None


@pytest.mark.django_db
def test_engine_split_is_a_share_of_the_request(client, homes):
    shares = profile_pages.engine_split(client, "/pt/", runs=3)
    assert set(shares) == {"tpl engine", "tpl ORM"}
    assert all(0 <= share <= 100 for share in shares.values())
    assert sum(shares.values()) <= 100
