"""Fields stored once per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import LibraryDocument, Webinar


@register(LibraryDocument)
class LibraryDocumentTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Webinar)
class WebinarTranslation(TranslationOptions):
    fields = ("title", "description", "speakers", "chapters")
    required_languages = {"pt": ("title",), "en": ("title",)}
