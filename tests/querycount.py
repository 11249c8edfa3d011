"""Counting the SQL queries of a request."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def query_count(client, url):
    """Queries of a request once caches (site root paths) are warm."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def assert_queries_do_not_grow(client, url, grow, budget):
    """The request costs the same before and after `grow()` adds rows, and stays in budget."""
    before = query_count(client, url)
    grow()
    after = query_count(client, url)
    assert after == before, f"{url}: {before} queries grew to {after}"
    assert before <= budget, f"{url}: {before} queries, budget {budget}"
