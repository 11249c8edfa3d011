"""The home page's featured cases: featured first, newest first, then by title (the order the
index case_featured_newest serves, docs/benchmarks.md)."""

import pytest

from portal.models.pages import FEATURED_CASES
from tests.casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory


@pytest.mark.django_db
def test_featured_cases_come_featured_then_newest_then_by_title(homes):
    index = CaseStudyIndexPageFactory(parent=homes["pt"], locale=homes["pt"].locale)

    def case(title, **kwargs):
        return CaseStudyPageFactory(parent=index, locale=index.locale, title=title, **kwargs)

    old_featured = case("A", featured=True, start_year=2015)
    case("Z", start_year=2024)
    newest = [case(title, featured=True, start_year=2022) for title in ("C", "B")]
    found = list(FEATURED_CASES.builder(3)(homes["pt"].path, homes["pt"].depth))
    assert found == [newest[1], newest[0], old_featured]
