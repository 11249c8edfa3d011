"""Fields stored once per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import ProcedureType, Sector


@register(ProcedureType)
class ProcedureTypeTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"pt": ("name",), "en": ("name",)}


@register(Sector)
class SectorTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("pt", "en")
