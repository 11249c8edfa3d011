"""Factories for the tools for public buyers."""

from wagtail.rich_text import RichText

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from buyers.chooser import QUESTIONS, RECOMMENDATION_CHOICES
from buyers.models import (
    NewsletterIssue,
    NewsletterPage,
    ProcedureChooserPage,
    Subscriber,
    SupportRequestPage,
)
from buyers.models.support import SupportFormField


def question_help():
    return [
        ("question", {"question": key, "help": RichText(f"<p>Help {key}</p>")}) for key in QUESTIONS
    ]


def recommendations(links=()):
    return [
        (
            "recommendation",
            {
                "recommendation": key,
                "summary": RichText(f"<p>Why {key} fits</p>"),
                "legal_basis": RichText(f"<p>Basis of {key}</p>"),
                "pros": RichText(f"<p>Pros of {key}</p>"),
                "cons": RichText(f"<p>Cons of {key}</p>"),
                "links": list(links),
            },
        )
        for key, _label in RECOMMENDATION_CHOICES
    ]


class ProcedureChooserPageFactory(wagtail_factories.PageFactory):
    title = "Which procedure fits my need?"
    intro = "Answer a few questions."
    question_help = factory.LazyFunction(question_help)
    recommendations = factory.LazyFunction(recommendations)

    class Meta:
        model = ProcedureChooserPage


SUPPORT_FIELDS = [
    ("Organisation", "singleline", ""),
    ("Role", "singleline", ""),
    ("Email address", "email", ""),
    ("Topic", "dropdown", "Choosing a procedure\nOther"),
    ("Procurement stage", "dropdown", "Preparing the procedure\nProcedure under way"),
    ("Message", "multiline", ""),
]


class SupportRequestPageFactory(wagtail_factories.PageFactory):
    title = "Ask Procure+i"
    intro = "Describe your need."
    subject = "Support request"

    class Meta:
        model = SupportRequestPage
        skip_postgeneration_save = True

    @factory.post_generation
    def fields(self, create, extracted, **kwargs):
        if not create:
            return
        for order, (label, field_type, choices) in enumerate(extracted or SUPPORT_FIELDS):
            SupportFormField.objects.create(
                page=self,
                label=label,
                field_type=field_type,
                choices=choices,
                required=True,
                sort_order=order,
            )


class NewsletterPageFactory(wagtail_factories.PageFactory):
    title = "Newsletter"
    intro = "News by email."

    class Meta:
        model = NewsletterPage


class SubscriberFactory(DjangoModelFactory):
    email = factory.Sequence(lambda n: f"buyer{n}@example.pt")
    language = "pt"

    class Meta:
        model = Subscriber


def issue_items(count=2):
    return [
        (
            "item",
            {
                "title": f"Item {number}",
                "summary": f"Summary {number}",
                "link": f"https://example.pt/{number}/",
            },
        )
        for number in range(1, count + 1)
    ]


class NewsletterIssueFactory(DjangoModelFactory):
    language = "pt"
    subject = factory.Sequence(lambda n: f"Newsletter {n}")
    intro = "What is new at Procure+i."
    items = factory.LazyFunction(issue_items)

    class Meta:
        model = NewsletterIssue
