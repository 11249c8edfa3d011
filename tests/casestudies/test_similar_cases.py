"""Each case study shows up to three similar cases, in its own language, best match first."""

from unittest import mock

import pytest

from casestudies.similar import similar_cases
from tests.casestudies.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    ProcedureTypeFactory,
    SectorFactory,
)
from tests.querycount import assert_queries_do_not_grow


@pytest.fixture
def indexes(translated_pair):
    return translated_pair(CaseStudyIndexPageFactory, "cases")


def case(index, **kwargs):
    sectors = kwargs.pop("sectors", [])
    page = CaseStudyPageFactory(parent=index, locale=index.locale, **kwargs)
    page.sectors.set(sectors)
    page.save()
    return page


@pytest.mark.django_db
def test_cases_rank_by_procedure_then_sectors_then_country(indexes):
    pcp, dialogue = ProcedureTypeFactory(), ProcedureTypeFactory()
    sea, energy = SectorFactory(), SectorFactory()
    index = indexes["en"]
    subject = case(index, procedure_type=pcp, sectors=[sea, energy], country="PT")
    same_all = case(index, title="A", procedure_type=pcp, sectors=[sea], country="PT")
    same_procedure = case(index, title="B", procedure_type=pcp, country="DK")
    two_sectors = case(
        index, title="C", procedure_type=dialogue, sectors=[sea, energy], country="DK"
    )
    same_country = case(index, title="D", procedure_type=dialogue, country="PT")
    case(index, title="E", procedure_type=dialogue, country="DK")  # nothing in common
    found = similar_cases(subject, [sea.pk, energy.pk])
    assert found == [same_all, two_sectors, same_procedure]
    assert same_country not in found and subject not in found


@pytest.mark.django_db
def test_cases_in_the_other_language_or_unpublished_are_left_out(indexes):
    procedure = ProcedureTypeFactory()
    subject = case(indexes["en"], procedure_type=procedure)
    case(indexes["pt"], procedure_type=procedure)
    draft = case(indexes["en"], procedure_type=procedure)
    draft.unpublish()
    assert similar_cases(subject, []) == []


@pytest.mark.django_db
@pytest.mark.parametrize("sharing", [2, 3])
def test_cases_of_the_same_country_only_come_after_every_shared_fact(
    indexes, sharing, django_assert_num_queries
):
    """Cases sharing the procedure or a sector are scored first (after those sharing both:
    none here); below three, every case."""
    pcp, dialogue, sea = ProcedureTypeFactory(), ProcedureTypeFactory(), SectorFactory()
    subject = case(indexes["en"], procedure_type=pcp, sectors=[sea], country="PT")
    country_only = case(indexes["en"], title="A", procedure_type=dialogue, country="PT")
    alike = [
        case(indexes["en"], title=f"Z{n}", procedure_type=dialogue, sectors=[sea], country="DK")
        for n in range(sharing)
    ]
    with django_assert_num_queries(2 if sharing == 3 else 3):
        found = similar_cases(subject, [sea.pk])
    assert found == (alike if sharing == 3 else [*alike, country_only])


@pytest.mark.django_db
def test_three_cases_sharing_the_procedure_and_a_sector_are_found_alone(
    indexes, django_assert_num_queries
):
    """Each scores 5 or more; a case sharing only the procedure or the one sector, at most 3."""
    pcp, dialogue, sea = ProcedureTypeFactory(), ProcedureTypeFactory(), SectorFactory()
    subject = case(indexes["en"], procedure_type=pcp, sectors=[sea])
    closest = [case(indexes["en"], title=f"Z{n}", procedure_type=pcp, sectors=[sea]) for n in "123"]
    case(indexes["en"], title="A", procedure_type=pcp)
    case(indexes["en"], title="B", procedure_type=dialogue, sectors=[sea])
    with django_assert_num_queries(1):
        assert similar_cases(subject, [sea.pk]) == closest


@pytest.mark.django_db
def test_cases_sharing_two_sectors_but_not_the_procedure_are_in_the_closest_tier(
    indexes, django_assert_num_queries
):
    """Three sectors in common (6) outweigh the procedure and one sector (5)."""
    pcp, dialogue = ProcedureTypeFactory(), ProcedureTypeFactory()
    sectors = SectorFactory.create_batch(3)
    subject = case(indexes["en"], procedure_type=pcp, sectors=sectors)
    closest = [
        case(indexes["en"], title=f"A{n}", procedure_type=pcp, sectors=sectors[:1]) for n in "12"
    ]
    every_sector = case(indexes["en"], title="Z", procedure_type=dialogue, sectors=sectors)
    two_sectors = case(indexes["en"], title="B", procedure_type=dialogue, sectors=sectors[1:])
    case(indexes["en"], title="C", procedure_type=pcp)  # 3: outside the tier
    with django_assert_num_queries(1):
        found = similar_cases(subject, [sector.pk for sector in sectors])
    assert found == [every_sector, *closest]
    assert two_sectors not in found  # 4: fourth


@pytest.mark.django_db
def test_a_case_outside_the_closest_tier_as_good_as_its_third_is_found_by_title(
    indexes, django_assert_num_queries
):
    """Two sectors (4) score as the procedure and the country (4), the best outside the tier:
    the wider tier is asked, and the case outside comes first by title."""
    pcp, dialogue = ProcedureTypeFactory(), ProcedureTypeFactory()
    sea, energy = SectorFactory(), SectorFactory()
    subject = case(indexes["en"], procedure_type=pcp, sectors=[sea, energy], country="PT")
    one, two = (
        case(indexes["en"], title=title, procedure_type=pcp, sectors=[sea], country="DK")
        for title in ("A", "B")
    )  # 5 each
    case(indexes["en"], title="D", procedure_type=dialogue, sectors=[sea, energy], country="DK")
    outside = case(indexes["en"], title="C", procedure_type=pcp, country="PT")
    with django_assert_num_queries(2):
        assert similar_cases(subject, [sea.pk, energy.pk]) == [one, two, outside]


@pytest.mark.parametrize(
    ("has_procedure", "has_country", "sectors", "closest"),
    [
        (True, True, 1, True),
        (True, False, 3, True),
        (False, True, 2, True),
        (False, False, 1, False),
        (True, True, 0, False),
    ],
)
def test_no_case_outside_a_tier_scores_above_its_bound(
    has_procedure, has_country, sectors, closest
):
    """Every combination of facts a case outside a tier can share scores at most its bound."""
    from itertools import product

    from casestudies.similar import (
        CLOSE,
        COUNTRY_WEIGHT,
        EITHER,
        PROCEDURE_WEIGHT,
        SECTOR_WEIGHT,
        tiers,
    )

    found = tiers(has_procedure, has_country, sectors)
    assert [tier for tier, _ in found] == [CLOSE] * closest + [EITHER]
    for tier, bound in found:
        for procedure, country, shared in product(
            range(has_procedure + 1), range(has_country + 1), range(sectors + 1)
        ):
            close = shared and (procedure or shared > 1)
            inside = close if tier == CLOSE else procedure or shared
            score = PROCEDURE_WEIGHT * procedure + SECTOR_WEIGHT * shared + COUNTRY_WEIGHT * country
            assert inside or score <= bound


@pytest.mark.django_db
def test_cases_of_equal_score_and_title_come_in_the_order_they_were_made(indexes):
    procedure = ProcedureTypeFactory()
    subject = case(indexes["en"], procedure_type=procedure)
    first, second = (
        case(indexes["en"], title="Same", slug=f"same-{n}", procedure_type=procedure) for n in "12"
    )
    first.save()  # PostgreSQL writes the row anew, after the second: read first unless ordered
    assert similar_cases(subject, []) == [first, second]


def test_any_shared_fact_outweighs_the_country():
    """similar_cases() keeps three cases sharing the procedure or a sector without scoring the
    rest: true only while each of those weights is above the country's."""
    from casestudies.similar import COUNTRY_WEIGHT, PROCEDURE_WEIGHT, SECTOR_WEIGHT

    assert min(PROCEDURE_WEIGHT, SECTOR_WEIGHT) > COUNTRY_WEIGHT


@pytest.mark.django_db
def test_cases_with_nothing_in_common_fill_no_place(indexes):
    pcp, dialogue = ProcedureTypeFactory(), ProcedureTypeFactory()
    subject = case(indexes["en"], procedure_type=pcp, country="PT")
    alike = case(indexes["en"], title="Z", procedure_type=pcp, country="DK")
    for title in ("A", "B"):  # first by title among equal scores, were a zero score kept
        case(indexes["en"], title=title, procedure_type=dialogue, country="DK")
    assert similar_cases(subject, []) == [alike]


@pytest.mark.django_db
def test_a_case_with_no_facts_has_no_similar_cases(indexes):
    subject = case(indexes["en"], procedure_type=None, country="")
    case(indexes["en"], procedure_type=None, country="")
    assert similar_cases(subject, []) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "heading"), [("pt", "Casos semelhantes"), ("en", "Similar cases")]
)
def test_case_page_links_similar_cases_in_its_language(client, indexes, code, heading):
    procedure = ProcedureTypeFactory()
    subject = case(indexes[code], procedure_type=procedure)
    other = case(indexes[code], title="Neighbour", procedure_type=procedure)
    html = client.get(subject.url).content.decode()
    assert heading in html and f'href="{other.url}"' in html


@pytest.mark.django_db
def test_similar_cases_cost_the_same_however_many_cases_exist(client, indexes):
    procedure, sector = ProcedureTypeFactory(), SectorFactory()
    index = indexes["pt"]
    subject = case(index, procedure_type=procedure, sectors=[sector])
    for _ in range(3):  # enough sharing both facts: the first query finds the best (one query)
        case(index, procedure_type=procedure, sectors=[sector])

    def grow():
        for _ in range(15):
            case(index, procedure_type=procedure, sectors=[sector, SectorFactory()])

    # 16 with every cache off: the case study routed in one query with its procedure, the view
    # restrictions in one (tests/perf/test_child_routing.py); the footer reads the settings.
    assert_queries_do_not_grow(client, subject.url, grow, budget=16)


@pytest.mark.django_db
def test_the_score_is_built_and_compiled_once_per_shape(indexes):
    """On every case study rendered afresh: with the ORM's Case, When and counting subquery the
    query took 8,700 Python calls to build and compile, written as SQL 3,300; as a prepared
    queryset (core/prepared.py) a case of the same shape (a procedure, a country, two sectors)
    runs the SQL kept for the first, in the same order as the ORM's."""
    from django.db.models.sql.compiler import SQLCompiler

    from casestudies.similar import similar_to

    sectors = [SectorFactory().pk, SectorFactory().pk]
    procedure = ProcedureTypeFactory()
    first, second = (
        case(indexes["en"], procedure_type=procedure, country=code, sectors=sectors)
        for code in ("PT", "ES")
    )
    similar_cases(first, sectors)
    with mock.patch.object(SQLCompiler, "as_sql", autospec=True, side_effect=SQLCompiler.as_sql):
        found = similar_cases(second, sectors)
        assert SQLCompiler.as_sql.call_count == 0
    build = similar_to(type(second), True, True, 3)  # one case shares: every case is scored
    expected = build(second.locale_id, second.pk, procedure.pk, "ES", *sectors)
    assert [row.pk for row in found] == [row.pk for row in expected] == [first.pk]
