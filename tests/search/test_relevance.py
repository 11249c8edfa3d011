"""The relevance suite (search/relevance/queries.toml) on the portal's own content: a buyer's
question finds its answer among the first three results, in each language, on this database."""

from django.db import connection

import pytest

from tools import relevance


def test_the_suite_is_large_enough_and_names_real_answers():
    queries = relevance.load_queries()
    by_language = {code: [q for q in queries if q["language"] == code] for code in ("pt", "en")}
    assert len(queries) >= 60
    assert all(len(items) >= 30 for items in by_language.values())
    known = relevance.known_answers()
    for query in queries:
        assert query["text"].strip() and query["answers"], query
        assert set(query["answers"]) <= known, query  # a renamed fixture key shows here


@pytest.mark.django_db
def test_recall_at_three_is_at_least_nine_in_ten_per_language(portal_content):
    report = relevance.evaluate(relevance.load_queries())
    run = {"engine": connection.vendor, "results": report}
    for language, result in report.items():
        assert result["recall@3"] >= relevance.TARGET, (
            language,
            relevance.table([run]),
            relevance.misses([run]),
        )
        assert result["mrr"] >= 0.75, (language, result["mrr"])
