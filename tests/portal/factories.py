"""Factories for the portal's pages and records."""

import datetime

from wagtail.rich_text import RichText

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from portal.models import (
    Agreement,
    ContentPage,
    EventIndexPage,
    EventReportPage,
    FAQEntry,
    FAQPage,
    FAQTopic,
    GlossaryPage,
    GlossaryTerm,
    GuideIndexPage,
    GuidePage,
    HomePage,
    ModuleIndexPage,
    ModulePage,
    Organisation,
    PartnershipPage,
)


def sample_body():
    return [
        ("heading", "Before the procedure"),
        (
            "callout",
            {"title": "Good to know", "text": RichText("<p>Consult the market first.</p>")},
        ),
    ]


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Procure+i"
    intro = "Guidance for public buyers."
    body = factory.LazyFunction(sample_body)

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Guidance page {n}")
    intro = "What a public buyer should know."
    show_in_menus = True
    body = factory.LazyFunction(sample_body)

    class Meta:
        model = ContentPage


class PartnershipPageFactory(wagtail_factories.PageFactory):
    title = "Partnership"
    intro = "Who runs the centre."
    body = factory.LazyFunction(sample_body)

    class Meta:
        model = PartnershipPage


class OrganisationFactory(DjangoModelFactory):
    acronym = factory.Sequence(lambda n: f"ORG{n}")
    name_pt = factory.LazyAttribute(lambda o: f"Organização {o.acronym}")
    name_en = factory.LazyAttribute(lambda o: f"Organisation {o.acronym}")
    description_pt = "Apoia o centro."
    description_en = "Supports the centre."
    role = Organisation.Role.PARTNER
    website = "https://www.example.pt/"

    class Meta:
        model = Organisation


class AgreementFactory(DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"agreement-{n}")
    title_pt = "Protocolo de colaboração"
    title_en = "Collaboration protocol"
    signed_on = datetime.date(2018, 12, 4)

    class Meta:
        model = Agreement
        skip_postgeneration_save = True

    @factory.post_generation
    def parties(self, create, extracted, **kwargs):
        if create and extracted:
            self.parties.set(extracted)


class FAQTopicFactory(DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"topic-{n}")
    name_pt = factory.Sequence(lambda n: f"Tema {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")

    class Meta:
        model = FAQTopic


class FAQEntryFactory(DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"question-{n}")
    topic = factory.SubFactory(FAQTopicFactory)
    question_pt = factory.Sequence(lambda n: f"Pergunta {n}?")
    question_en = factory.Sequence(lambda n: f"Question {n}?")
    short_answer_pt = "Resposta curta."
    short_answer_en = "Short answer."
    answer_pt = "<p>Resposta completa.</p>"
    answer_en = "<p>Full answer.</p>"
    legal_source_pt = "Diretiva 2014/24/UE, artigo 31.º"
    legal_source_en = "Directive 2014/24/EU, Article 31"
    last_reviewed = datetime.date(2026, 11, 25)

    class Meta:
        model = FAQEntry


class FAQPageFactory(wagtail_factories.PageFactory):
    title = "FAQ"
    slug = "faq"
    body = factory.LazyFunction(sample_body)

    class Meta:
        model = FAQPage


class ModuleIndexPageFactory(wagtail_factories.PageFactory):
    title = "Modules"
    slug = "modules"
    body = factory.LazyFunction(sample_body)

    class Meta:
        model = ModuleIndexPage


class ModulePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Module {n}")
    body = factory.LazyFunction(sample_body)

    class Meta:
        model = ModulePage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Seminars and workshops"
    slug = "events"
    body = factory.LazyFunction(sample_body)

    class Meta:
        model = EventIndexPage


class EventReportPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Workshop {n}")
    event_date = datetime.date(2023, 3, 21)
    place = "Lisboa"
    body = factory.LazyFunction(sample_body)

    class Meta:
        model = EventReportPage


class GlossaryTermFactory(DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"term-{n}")
    term_pt = "Contratação pré-comercial"
    term_en = "Pre-commercial procurement"
    acronym_en = "PCP"
    definition_pt = "Contratação de serviços de I&D antes de existir a solução."
    definition_en = "Procurement of R&D services before the solution exists."

    class Meta:
        model = GlossaryTerm


class GlossaryPageFactory(wagtail_factories.PageFactory):
    title = "Glossary"
    slug = "glossary"
    body = factory.LazyFunction(sample_body)

    class Meta:
        model = GlossaryPage


def sample_legal_basis():
    return [
        (
            "source",
            {
                "provision": "Código dos Contratos Públicos, artigo 35.º-A",
                "source": "Diário da República, legislação consolidada",
                "url": "https://diariodarepublica.pt/dr/legislacao-consolidada/decreto-lei/2008-34455475",
            },
        )
    ]


class GuideIndexPageFactory(wagtail_factories.PageFactory):
    title = "Practical guides"
    slug = "guides"
    body = factory.LazyFunction(sample_body)

    class Meta:
        model = GuideIndexPage


class GuidePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Guide {n}")
    intro = "What to do, step by step."
    last_reviewed = datetime.date(2026, 12, 6)
    body = factory.LazyFunction(sample_body)
    legal_basis = factory.LazyFunction(sample_legal_basis)

    class Meta:
        model = GuidePage
