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


def production_query_count(client, url):
    """Queries of a request as production serves it with the page cache off: the fragment
    cache on, warmed by one request at this data size (the cache is emptied first, as a test's
    edits are never committed and so never bump the content version)."""
    from django.core.cache import cache
    from django.test import override_settings

    cache.clear()
    with override_settings(FRAGMENT_CACHE_SECONDS=600, PAGE_CACHE_SECONDS=0):
        return query_count(client, url)


def assert_page_budget(client, url, grow, budget=8, cold_budget=None):
    """Rendered afresh (fragment cache off) the page's queries do not grow with rows, and stay
    within `cold_budget` when given; as production serves it, within `budget` at every size."""
    from django.test import override_settings

    with override_settings(FRAGMENT_CACHE_SECONDS=0):
        cold_before = query_count(client, url)
    before = production_query_count(client, url)
    grow()
    with override_settings(FRAGMENT_CACHE_SECONDS=0):
        cold_after = query_count(client, url)
    after = production_query_count(client, url)
    assert cold_after == cold_before, f"{url}: {cold_before} queries grew to {cold_after}"
    assert after == before, f"{url}, fragment cache on: {before} queries grew to {after}"
    assert after <= budget, f"{url}: {after} queries, budget {budget}"
    if cold_budget is not None:
        assert cold_after <= cold_budget, f"{url} afresh: {cold_after} queries, {cold_budget}"


def python_calls(build):
    """Python function calls spent building a queryset and compiling its SQL: what the ORM
    costs a query, repeatable whatever the machine's load."""
    import sys

    calls = []
    str(build().query)  # the ORM's per-process lookups filled first
    sys.setprofile(lambda frame, event, arg: calls.append(1) if event == "call" else None)
    try:
        str(build().query)
    finally:
        sys.setprofile(None)
    return len(calls)
