"""Factories for library documents and webinars."""

import datetime

from django.core.files.base import ContentFile

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from core.wagtail_internals import set_document_file_metadata
from documents.models import DocumentLibraryPage, LibraryDocument, Webinar, WebinarIndexPage
from tests.portal.factories import sample_body


def pdf_file(name="report.pdf", size=2048):
    return ContentFile(b"%PDF-1.4\n" + b"x" * size, name=name)


class LibraryDocumentFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Relatório {n}")
    title_pt = factory.LazyAttribute(lambda o: o.title)
    title_en = factory.Sequence(lambda n: f"Report {n}")
    description_pt = "Relatório de um workshop."
    description_en = "Report of a workshop."
    category = LibraryDocument.Category.WORKSHOP_REPORT
    file_language = LibraryDocument.FileLanguage.PT
    published_year = 2023
    file = factory.LazyFunction(pdf_file)

    class Meta:
        model = LibraryDocument

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        document = model_class(*args, **kwargs)
        set_document_file_metadata(document)
        document.save()
        return document


class WebinarFactory(DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"webinar-{n}")
    title_pt = factory.Sequence(lambda n: f"Webinar {n} sobre parcerias")
    title_en = factory.Sequence(lambda n: f"Webinar {n} on partnerships")
    description_pt = "Sessão em linha."
    description_en = "Online session."
    starts_on = datetime.date(2020, 10, 13)

    class Meta:
        model = Webinar


class DocumentLibraryPageFactory(wagtail_factories.PageFactory):
    title = "Library"
    slug = "library"
    body = factory.LazyFunction(sample_body)

    class Meta:
        model = DocumentLibraryPage


class WebinarIndexPageFactory(wagtail_factories.PageFactory):
    title = "Webinars"
    slug = "webinars"
    body = factory.LazyFunction(sample_body)

    class Meta:
        model = WebinarIndexPage
