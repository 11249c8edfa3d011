"""What is untranslated or out of date, each question answered in a fixed number of queries.

Pages: Wagtail's i18n. A page's source is its translation in the default locale (PT). A
translation is out of date when the source's latest revision is newer than the translation's
latest revision (drafts count: an edit saved in PT is work the EN page has not seen), or when
the translation has no revision while its source has one.

Records: django-modeltranslation. A record is incomplete when a translated field is filled in
the default language and empty in another.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.admin.utils import quote
from django.db.models import F, OuterRef, Q, Subquery
from django.urls import reverse

from wagtail.contrib.settings.models import BaseGenericSetting
from wagtail.documents.models import AbstractDocument
from wagtail.models import Locale, Page

from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname


@dataclass
class IncompleteRecord:
    record: object
    fields: list
    edit_url: str


@dataclass
class ModelGaps:
    model: type
    records: list = field(default_factory=list)

    @property
    def label(self):
        return self.model._meta.verbose_name_plural


def default_locale():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def content_pages():
    return Page.objects.filter(depth__gt=1).select_related("locale", "content_type")


def missing_in(locale):
    """Pages of other locales whose translation_key has no page in `locale`."""
    in_locale = Page.objects.filter(locale=locale).values("translation_key")
    return content_pages().exclude(locale=locale).exclude(translation_key__in=in_locale)


def untranslated_pages(locales):
    """(page, locale it is missing in), one query per language."""
    return [(page, locale) for locale in locales for page in missing_in(locale).order_by("path")]


def untranslated_page_count(locales):
    return sum(missing_in(locale).count() for locale in locales)


def outdated_translations(source_locale):
    """Translations whose source page was edited after them, with the source's id and date."""
    source = Page.objects.filter(locale=source_locale, translation_key=OuterRef("translation_key"))
    return (
        content_pages()
        .exclude(locale=source_locale)
        .annotate(
            source_id=Subquery(source.values("pk")[:1]),
            source_edited_at=Subquery(source.values("latest_revision_created_at")[:1]),
        )
        .filter(
            Q(source_edited_at__gt=F("latest_revision_created_at"))
            | Q(source_edited_at__isnull=False, latest_revision_created_at__isnull=True)
        )
        .order_by("path")
    )


def translated_models():
    return [
        (model, translator.get_options_for_model(model).get_field_names())
        for model in translator.get_registered_models(abstract=False)
    ]


def filled(name):
    return ~Q(**{name: ""}) & Q(**{f"{name}__isnull": False})


def gaps_filter(names, source, target):
    """Rows where any of `names` is filled in `source` and empty in `target`."""
    condition = Q(pk__in=[])
    for name in names:
        condition |= filled(build_localized_fieldname(name, source)) & ~filled(
            build_localized_fieldname(name, target)
        )
    return condition


def other_languages():
    return [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def records_filter(names):
    condition = Q(pk__in=[])
    for target in other_languages():
        condition |= gaps_filter(names, settings.LANGUAGE_CODE, target)
    return condition


def missing_fields(record, names):
    source = settings.LANGUAGE_CODE
    return [
        record._meta.get_field(build_localized_fieldname(name, target)).verbose_name
        for name in names
        for target in other_languages()
        if getattr(record, build_localized_fieldname(name, source))
        and not getattr(record, build_localized_fieldname(name, target))
    ]


def incomplete_records():
    """Per translated model, its records with a second-language field left empty."""
    result = []
    for model, names in translated_models():
        rows = model._default_manager.filter(records_filter(names)).order_by("pk")
        records = [IncompleteRecord(row, missing_fields(row, names), edit_url(row)) for row in rows]
        if records:
            result.append(ModelGaps(model, records))
    return result


def incomplete_record_count():
    return sum(
        model._default_manager.filter(records_filter(names)).count()
        for model, names in translated_models()
    )


def edit_url(record):
    """The record's admin edit page, found without a query (the edit view checks permissions)."""
    meta = record._meta
    if isinstance(record, BaseGenericSetting):  # one edit page per settings model
        return reverse("wagtailsettings:edit", args=[meta.app_label, meta.model_name])
    if isinstance(record, AbstractDocument):
        return reverse("wagtaildocs:edit", args=[record.pk])
    viewset = getattr(type(record), "snippet_viewset", None)
    return reverse(viewset.get_url_name("edit"), args=[quote(record.pk)]) if viewset else ""


def summary():
    """The three counts the dashboard shows."""
    source = default_locale()
    locales = list(Locale.objects.all())
    return {
        "untranslated_pages": untranslated_page_count(locales),
        "outdated_translations": outdated_translations(source).count(),
        "incomplete_records": incomplete_record_count(),
    }
