"""Factories for case studies and their taxonomy."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, ProcedureType, Sector
from tests.portal.factories import sample_body


class ProcedureTypeFactory(DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"procedure-{n}")
    name_pt = factory.Sequence(lambda n: f"Procedimento {n}")
    name_en = factory.Sequence(lambda n: f"Procedure {n}")

    class Meta:
        model = ProcedureType


class SectorFactory(DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"sector-{n}")
    name_pt = factory.Sequence(lambda n: f"Setor {n}")
    name_en = factory.Sequence(lambda n: f"Sector {n}")

    class Meta:
        model = Sector


class CaseStudyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Case studies"
    slug = "case-studies"
    body = factory.LazyFunction(sample_body)

    class Meta:
        model = CaseStudyIndexPage


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Case {n}")
    intro = "A municipality bought an innovative solution."
    procedure_type = factory.SubFactory(ProcedureTypeFactory)
    country = "PT"
    start_year = 2017
    end_year = 2018
    challenge = "<p>The need.</p>"

    class Meta:
        model = CaseStudyPage
