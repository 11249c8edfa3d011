"""The library's documents and webinars in the portal's search, found under their list pages."""

from django.utils.translation import gettext_lazy as _

from core.navigation import live_page_of_type
from search.registry import Source, register


def urls_under(index_model, method):
    """Addresses of records below the live list page of their language (none without it)."""

    def urls(records, language):
        index = live_page_of_type(index_model, language)
        return {record.pk: getattr(index, method)(record) if index else "" for record in records}

    return urls


def register_sources():
    from documents.models import DocumentLibraryPage, LibraryDocument, Webinar, WebinarIndexPage

    register(
        Source(
            kind="document",
            model=LibraryDocument,
            text_fields=["description"],
            urls=urls_under(DocumentLibraryPage, "document_url"),
            extra_text=lambda document: document.text_content,
            visible=lambda: LibraryDocument.objects.listed(),  # a second format: one result
            label=_("Document"),
            boost=0.7,  # a library sheet: its summary mentions many words it is not about
        )
    )
    register(
        Source(
            kind="webinar",
            model=Webinar,
            text_fields=["description", "speakers", "chapters"],
            urls=urls_under(WebinarIndexPage, "webinar_url"),
            label=_("Webinar"),
        )
    )
