"""A child of a page that takes one page type (a case study below the case index) is routed in
one query, not Wagtail's two (core/models/base.py BasePage.route), to the page Wagtail's walk
finds, with the same 404s and restrictions; the view restrictions are read in one query."""

from contextlib import contextmanager
from unittest import mock

from django.test import override_settings

from wagtail.models import Page, PageViewRestriction

import pytest

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from core.models import BasePage
from portal.models import HomePage
from tests.casestudies.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    ProcedureTypeFactory,
)
from tests.portal.factories import ContentPageFactory, GuideIndexPageFactory, GuidePageFactory
from tests.querycount import query_count

COLD = override_settings(FRAGMENT_CACHE_SECONDS=0, PAGE_CACHE_SECONDS=0)  # route cache off too


def under(parent, factory, **kwargs):
    return factory(parent=parent, locale=parent.locale, **kwargs)


@pytest.fixture
def index(homes, request):
    return under(homes[request.param], CaseStudyIndexPageFactory)


@contextmanager
def wagtails_walk():
    """Every page routes its children as Wagtail's Page.route does."""
    with (
        mock.patch.object(BasePage, "only_child_model", return_value=None),
        mock.patch.object(BasePage, "child_type", return_value=None),
    ):
        yield


def test_only_single_type_parents_take_the_one_query_route():
    assert CaseStudyIndexPage.only_child_model() is CaseStudyPage
    assert CaseStudyPage.only_child_model() is None  # takes no children
    assert HomePage.only_child_model() is None  # takes many types


@pytest.mark.django_db
@pytest.mark.parametrize("index", ["pt", "en"], indirect=True)
def test_a_case_study_costs_two_queries_less_than_wagtails_walk(client, index):
    case = under(index, CaseStudyPageFactory, procedure_type=ProcedureTypeFactory())
    with COLD:
        with wagtails_walk():
            walked = query_count(client, case.url)
        routed = query_count(client, case.url)
    # The plain child and its .specific in one query, and its procedure read with it.
    assert routed == walked - 2


@pytest.mark.django_db
@pytest.mark.parametrize("index", ["pt", "en"], indirect=True)
def test_the_routed_case_study_is_the_one_wagtail_finds(rf, index):
    case = under(index, CaseStudyPageFactory, procedure_type=ProcedureTypeFactory())
    request = rf.get(case.url)
    routed = index.route(request, [case.slug]).page
    with wagtails_walk():
        walked = index.route(request, [case.slug]).page
    assert (type(routed), routed.pk, routed.url) == (type(walked), walked.pk, walked.url)
    assert routed.get_parent() == index
    assert routed.procedure_type == case.procedure_type


@pytest.mark.django_db
@pytest.mark.parametrize("index", ["pt", "en"], indirect=True)
def test_the_same_addresses_are_not_found(client, index):
    case = under(index, CaseStudyPageFactory)
    draft = under(index, CaseStudyPageFactory, live=False)
    with COLD:
        assert client.get(case.url).status_code == 200
        for address in (index.url + "no-such-case/", case.url + "below/", draft.url):
            assert client.get(address).status_code == 404, address


@pytest.mark.django_db
@pytest.mark.parametrize("index", ["pt", "en"], indirect=True)
def test_a_restricted_case_study_stays_restricted(client, index):
    case = under(index, CaseStudyPageFactory)
    PageViewRestriction.objects.create(page=case, restriction_type=PageViewRestriction.LOGIN)
    with COLD:
        response = client.get(case.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("index", ["pt", "en"], indirect=True)
def test_a_child_of_another_type_is_still_found(client, index):
    """Made in code past subpage_types: Wagtail's own walk finds it, as before."""
    other = under(index, ContentPageFactory, title="Not a case")
    with COLD:
        response = client.get(other.url)
    assert response.status_code == 200
    assert b"Not a case" in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pt", "en"])
def test_a_guide_is_routed_in_one_query_too(client, homes, language):
    guide = under(under(homes[language], GuideIndexPageFactory), GuidePageFactory)
    with COLD:
        with wagtails_walk():
            walked = query_count(client, guide.url)
        assert query_count(client, guide.url) == walked - 1


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pt", "en"])
def test_below_a_page_of_many_child_types_the_page_wagtail_finds(client, rf, homes, language):
    """The home page takes many types: the child's type, then the child read as that type (two
    prepared querysets, core/prepared.py), as many queries as Wagtail's walk."""
    section = under(homes[language], ContentPageFactory, title="Section")
    page = under(section, ContentPageFactory, title="Deep page")
    with COLD:
        with wagtails_walk():
            walked = query_count(client, page.url)
        assert query_count(client, page.url) == walked
        assert b"Deep page" in client.get(page.url).content
        for address in (section.url + "no-such-page/", page.url + "below/"):
            assert client.get(address).status_code == 404, address
    request = rf.get(page.url)
    routed = homes[language].route(request, [section.slug, page.slug]).page
    with wagtails_walk():
        walked = homes[language].route(request, [section.slug, page.slug]).page
    assert (type(routed), routed.pk, routed.get_parent()) == (type(walked), walked.pk, section)


def wagtails_restrictions(page):
    return set(Page.get_view_restrictions(page).values_list("pk", flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize("index", ["pt", "en"], indirect=True)
def test_view_restrictions_are_wagtails_one_query_if_none(index, django_assert_num_queries):
    public, own, below = (under(index, CaseStudyPageFactory) for _ in range(3))
    alias = own.create_alias(update_slug=f"{own.slug}-alias")
    PageViewRestriction.objects.create(page=own, restriction_type=PageViewRestriction.LOGIN)
    restricted_parent = under(index.get_parent().specific, ContentPageFactory)
    deep = under(restricted_parent, ContentPageFactory)
    PageViewRestriction.objects.create(
        page=restricted_parent, restriction_type=PageViewRestriction.LOGIN
    )
    alias_parent = restricted_parent.create_alias(recursive=True, update_slug="alias-parent")
    deep_alias = alias_parent.get_children().get()
    pages = (public, own, below, alias, restricted_parent, deep, alias_parent, deep_alias)
    for page in pages:
        page = Page.objects.get(pk=page.pk).specific
        expected = wagtails_restrictions(page)
        # One prepared query finds none; a restricted page (rare) is then read the ORM's way.
        with django_assert_num_queries(2 if expected else 1):
            restrictions = page.get_view_restrictions()
            assert {restriction.pk for restriction in restrictions} == expected
    assert all(wagtails_restrictions(page) for page in (alias, deep, deep_alias))
    assert not wagtails_restrictions(public)
