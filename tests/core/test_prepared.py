"""Prepared querysets (core/prepared.py): the same rows as the ORM's, the SQL compiled once per
shape and language, and a shape whose values do not land as given is never kept."""

from unittest import mock

from django.db import connection
from django.db.models.sql.compiler import SQLCompiler
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Page

import pytest

from core.prepared import Prepared
from tests.portal.factories import ContentPageFactory


def children(path, depth):
    return Page.objects.filter(path__startswith=path, depth=depth).order_by("path")


def compiled(prepared, *values):
    """The rows, and how many times the ORM compiled a query to read them."""
    real = SQLCompiler.as_sql
    with mock.patch.object(SQLCompiler, "as_sql", autospec=True, side_effect=real) as spy:
        rows = prepared(*values)
    return rows, spy.call_count


@pytest.fixture
def pages(homes):
    made = {}
    for code, number in (("pt", 3), ("en", 2)):
        home = homes[code]
        made[code] = [
            ContentPageFactory(parent=home, locale=home.locale, slug=f"{code}-{n}").pk
            for n in range(number)
        ]
    return made


def pks(rows):
    return [row.pk for row in rows]


@pytest.mark.django_db
def test_rows_are_the_orms_for_each_call_and_the_sql_is_compiled_once(homes, pages):
    prepared = Prepared(children)
    for code in ("pt", "en", "pt"):  # the kept shape answers for other values too
        home = homes[code]
        rows, compilations = compiled(prepared, home.path, home.depth + 1)
        assert pks(rows) == pks(children(home.path, home.depth + 1)) == pages[code]
    assert compilations == 0  # the third call: no query built or compiled
    assert len(prepared.plans) == 1


@pytest.mark.django_db
def test_one_query_each_call_with_its_own_values(homes, pages):
    prepared = Prepared(children)
    prepared(homes["pt"].path, homes["pt"].depth + 1)
    with CaptureQueriesContext(connection) as queries:
        prepared(homes["en"].path, homes["en"].depth + 1)
    assert len(queries) == 1
    assert f"{homes['en'].path}%" in str(queries[0]["sql"]) or connection.vendor == "postgresql"


@pytest.mark.django_db
def test_a_shape_per_language(homes, pages):
    """django-modeltranslation reads the active language's columns: a plan per language."""
    prepared = Prepared(lambda pk: Page.objects.filter(pk=pk).only("title"))
    page = pages["pt"][0]
    for code in ("pt", "en"):
        with translation.override(code):
            assert pks(prepared(page)) == [page]
    assert {language for language, _count in prepared.plans} == {"pt", "en"}


@pytest.mark.django_db
def test_select_related_and_annotations_as_the_orm_reads_them(homes, pages):
    from django.db.models import F

    prepared = Prepared(
        lambda pk: (
            Page.objects.filter(pk=pk).select_related("locale").annotate(doubled=F("depth") * 2)
        )
    )
    prepared(pages["pt"][0])
    page = Page.objects.get(pk=pages["en"][1])
    with CaptureQueriesContext(connection) as queries:
        (row,) = prepared(page.pk)
        assert (row.locale.language_code, row.doubled) == ("en", page.depth * 2)
    assert len(queries) == 1


@pytest.mark.django_db
def test_a_value_changed_on_its_way_is_not_kept(homes, pages):
    """depth + 1 computed inside: the stand-in does not land as given, so no plan is kept."""
    prepared = Prepared(lambda path, depth: children(path, depth + 1))
    for code in ("pt", "en"):
        home = homes[code]
        assert pks(prepared(home.path, home.depth)) == pages[code]
    assert list(prepared.plans.values()) == [None]


@pytest.mark.django_db
def test_an_empty_answer_and_a_new_shape(homes, pages):
    prepared = Prepared(lambda *pks: Page.objects.filter(pk__in=pks).order_by("pk"))
    first_pt, first_en = pages["pt"][0], pages["en"][0]
    assert prepared() == []  # pk__in=[]: no query at all
    assert pks(prepared(first_pt)) == [first_pt]
    assert pks(prepared(first_pt, first_en)) == [first_pt, first_en]
    assert pks(prepared(pages["pt"][1])) == [pages["pt"][1]]


@pytest.mark.django_db
def test_values_list_rows_as_the_orm_reads_them(homes, pages):
    def by_depth(depth):
        return Page.objects.filter(depth=depth).order_by("path").values_list("pk", "slug")

    tuples = Prepared(by_depth)
    flat = Prepared(lambda depth: by_depth(depth).values_list("pk", flat=True))
    for depth in (2, 3, 3):
        with CaptureQueriesContext(connection) as queries:
            assert tuples(depth) == list(by_depth(depth))
            assert flat(depth) == [pk for pk, _slug in by_depth(depth)]
        assert len(queries) == 4  # each prepared read, and the ORM's two to compare
    assert all(plan is not None for plan in [*tuples.plans.values(), *flat.plans.values()])


@pytest.mark.django_db
def test_a_values_queryset_is_refused(homes):
    prepared = Prepared(lambda pk: Page.objects.filter(pk=pk).values("title"))
    with pytest.raises(ValueError, match="model instances"):
        prepared(homes["pt"].pk)


@pytest.mark.django_db
def test_prefetch_related_still_prefetches(homes, pages):
    prepared = Prepared(lambda pk: Page.objects.filter(pk=pk).prefetch_related("view_restrictions"))
    prepared(homes["pt"].pk)
    with CaptureQueriesContext(connection) as queries:
        (row,) = prepared(homes["en"].pk)
        assert list(row.view_restrictions.all()) == []
    assert len(queries) == 2  # the page, then its restrictions: none per row after


@pytest.mark.django_db
def test_exact_text_of_any_kind_runs_the_kept_sql(homes, pages):
    """A value compared as it is (a host name, a slug) needs no escaping."""
    ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale, slug="a_b")
    prepared = Prepared(lambda slug: Page.objects.filter(slug=slug))
    prepared("pt-0")
    rows, compilations = compiled(prepared, "a_b")
    assert ([row.slug for row in rows], compilations) == (["a_b"], 0)
    assert compiled(prepared, "a%b")[0] == []


@pytest.mark.django_db
def test_a_value_lowered_on_its_way_is_not_kept(homes, pages):
    prepared = Prepared(lambda slug: Page.objects.filter(slug=slug.lower()))
    assert pks(prepared("PT-0")) == pages["pt"][:1]
    assert list(prepared.plans.values()) == [None]
    assert pks(prepared("EN-1")) == pages["en"][1:]


@pytest.mark.django_db
@pytest.mark.parametrize("lookup", ["slug__startswith", "slug__contains", "slug__iexact"])
def test_text_escaped_for_like_is_escaped_in_its_place(homes, pages, lookup):
    """ "_" and "%" are LIKE's wildcards: the ORM escapes them (iexact too, on SQLite), and so
    does the kept shape, whichever value came first."""
    ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale, slug="a_b")
    ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale, slug="axb")
    prepared = Prepared(lambda slug: Page.objects.filter(**{lookup: slug}).order_by("path"))
    for number, value in enumerate(("a_b", "axb", "a%", "pt-", "a_", "%")):
        rows, compilations = compiled(prepared, value)
        expected = list(Page.objects.filter(**{lookup: value}).order_by("path"))
        assert pks(rows) == pks(expected), value
        assert compilations == 0 or number == 0  # after the first call, the kept SQL


@pytest.mark.django_db
def test_values_of_other_kinds_are_read_as_the_orm_reads_them(homes, pages):
    prepared = Prepared(lambda live: Page.objects.filter(live=live, depth__gt=1).order_by("path"))
    for value in (True, False, None):
        assert pks(prepared(value)) == pks(
            Page.objects.filter(live=value, depth__gt=1).order_by("path")
        )
    assert prepared.plans == {}
    assert Prepared(lambda pk: Page.objects.filter(pk=pk))(2**40) == []  # past a 32-bit column


@pytest.mark.django_db
def test_a_value_that_changes_no_parameter_is_not_kept(homes, pages):
    """A builder that branches on a value: the stand-in took one branch, another value may take
    the other, so no shape is kept."""
    prepared = Prepared(
        lambda kind: Page.objects.filter(depth=3 if kind == "deep" else 2).order_by("path")
    )
    assert pks(prepared("top")) == [homes["pt"].pk, homes["en"].pk]
    assert list(prepared.plans.values()) == [None]
    assert pks(prepared("deep")) == pages["pt"] + pages["en"]


@pytest.mark.django_db
def test_a_prefetch_holding_a_value_is_not_kept(homes, pages):
    from django.db.models import Prefetch

    from wagtail.models import PageViewRestriction

    def build(kind):
        restrictions = PageViewRestriction.objects.filter(restriction_type=kind)
        return Page.objects.filter(slug="pt-0").prefetch_related(
            Prefetch("view_restrictions", queryset=restrictions)
        )

    page = Page.objects.get(slug="pt-0")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    prepared = Prepared(build)
    assert list(prepared("password")[0].view_restrictions.all()) == []
    assert list(prepared.plans.values()) == [None]
    assert len(prepared("login")[0].view_restrictions.all()) == 1


@pytest.mark.django_db
def test_columns_are_converted_as_the_orm_does_with_converters_found_once(homes, pages):
    """Dates come back as the ORM gives them (SQLite stores text); the columns' converters are
    found by the first call on a connection and kept with the shape."""
    from django.utils import timezone

    Page.objects.filter(pk__in=pages["en"]).update(first_published_at=timezone.now())
    prepared = Prepared(lambda pk: Page.objects.filter(pk=pk))
    prepared(homes["pt"].pk)
    real = SQLCompiler.get_converters
    with mock.patch.object(SQLCompiler, "get_converters", autospec=True, side_effect=real) as spy:
        for pk in pages["en"]:
            (row,) = prepared(pk)
            orm = Page.objects.get(pk=pk)
            assert (row.first_published_at, row.latest_revision_created_at) == (
                orm.first_published_at,
                orm.latest_revision_created_at,
            )
            assert row.first_published_at.tzinfo is not None
    # The ORM's own two readings, and the kept shape's first run: not its second.
    assert spy.call_count == 3
    (plan,) = prepared.plans.values()
    assert list(plan.converters) == [connection]


@pytest.mark.django_db
def test_rows_come_in_the_model_managers_queryset(homes, pages):
    prepared = Prepared(lambda pk: Page.objects.filter(pk=pk))
    prepared(homes["pt"].pk)
    (plan,) = prepared.plans.values()
    queryset = planned(plan, homes["en"].pk)
    assert type(queryset) is type(Page.objects.all())  # Wagtail's PageQuerySet
    assert pks(queryset) == [homes["en"].pk]
    assert pks(planned(plan, pages["pt"][0])) == [pages["pt"][0]]  # the model's own empty one
    assert plan.empty.query.is_empty()  # unchanged by the calls that chained it


def planned(plan, *values):
    from core.prepared import fill, planned_queryset

    return planned_queryset(plan, fill(plan, values))
