"""Fields stored once per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Agreement, FAQEntry, FAQTopic, GlossaryTerm, Organisation


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("pt", "en")


@register(Agreement)
class AgreementTranslation(TranslationOptions):
    fields = ("title", "summary")
    required_languages = {"pt": ("title",), "en": ("title",)}


@register(FAQTopic)
class FAQTopicTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("pt", "en")


@register(FAQEntry)
class FAQEntryTranslation(TranslationOptions):
    fields = ("question", "short_answer", "answer", "legal_source")
    required_languages = {"pt": ("question", "short_answer"), "en": ("question", "short_answer")}


@register(GlossaryTerm)
class GlossaryTermTranslation(TranslationOptions):
    fields = ("term", "acronym", "definition")
    required_languages = {"pt": ("term", "definition"), "en": ("term", "definition")}
