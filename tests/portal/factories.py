"""Factories for the portal's pages and records."""

import datetime

from wagtail.rich_text import RichText

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from portal.models import Agreement, ContentPage, HomePage, Organisation, PartnershipPage


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
