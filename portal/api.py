"""Read-only open data: Wagtail's API v2 for pages (case studies included) and documents.

Pages: /api/v2/pages/?locale=pt|en&type=casestudies.CaseStudyPage&fields=*
Documents: /api/v2/documents/ (both languages' titles and descriptions in every item)
Both list only what an anonymous visitor may see (core/visibility.py).
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet

DOCUMENT_FIELDS = [
    "title_pt",
    "title_en",
    "description_pt",
    "description_en",
    "category",
    "file_language",
    "published_year",
    "published_on",
    "file_size",
]


class LibraryDocumentsAPIViewSet(DocumentsAPIViewSet):
    body_fields = [*DocumentsAPIViewSet.body_fields, *DOCUMENT_FIELDS]
    listing_default_fields = [*DocumentsAPIViewSet.listing_default_fields, *DOCUMENT_FIELDS]

    def get_queryset(self):
        # Open data is the anonymous visitor's view, whoever asks (core.visibility).
        return self.model.objects.public().order_by("id")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("documents", LibraryDocumentsAPIViewSet)
