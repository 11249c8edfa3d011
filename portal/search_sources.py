"""FAQ entries and glossary terms in the portal's search, each found at its anchor on its page."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.navigation import live_page_of_type
from search.registry import Source, register


def anchors_on(page_model, anchor):
    """Addresses of records shown on the visible page of that type: the page of the language
    (else of the default language, as the entries fall back to it) and the record's anchor."""

    def urls(records, language):
        page = live_page_of_type(page_model, language) or live_page_of_type(
            page_model, settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        )
        return {record.pk: f"{page.url}#{anchor(record)}" if page else "" for record in records}

    return urls


def register_sources():
    from portal.models import FAQEntry, FAQPage, GlossaryPage, GlossaryTerm

    register(
        Source(
            kind="faq",
            model=FAQEntry,
            title_field="question",
            text_fields=["short_answer", "answer", "legal_source"],
            urls=anchors_on(FAQPage, lambda entry: entry.slug),
            visible=lambda: FAQEntry.objects.live(),  # drafts and entries in moderation: never
            label=_("FAQ answer"),
            host_page=FAQPage,
            boost=1.6,  # a direct answer to a buyer's question
        )
    )
    register(
        Source(
            kind="glossary",
            model=GlossaryTerm,
            title_field="term",
            text_fields=["definition", "acronym"],
            urls=anchors_on(GlossaryPage, lambda term: term.slug),
            label=_("Glossary term"),
            host_page=GlossaryPage,
            boost=1.2,  # a definition: short, to the point, but not the whole answer
        )
    )
