"""Fields stored once per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Agreement, Organisation


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("pt", "en")


@register(Agreement)
class AgreementTranslation(TranslationOptions):
    fields = ("title", "summary")
    required_languages = {"pt": ("title",), "en": ("title",)}
