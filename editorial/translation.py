"""Fields stored once per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import PortalSettings


@register(PortalSettings)
class PortalSettingsTranslation(TranslationOptions):
    fields = ("address", "footer_text")
