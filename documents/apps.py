from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    shown_on_pages = True  # an edit to any record here bumps the page cache's version
    verbose_name = _("Document library")

    def ready(self):
        from core.page_warmup import register_warm_pages
        from core.sitemaps import register_section
        from documents.models import DocumentLibraryPage, LibraryDocument, tally
        from documents.search_sources import register_sources
        from documents.sitemaps import DocumentSitemap, WebinarSitemap

        register_sources()
        tally.connect(LibraryDocument)
        register_section("documents", DocumentSitemap)
        register_section("webinars", WebinarSitemap)
        # The library's first page, in each language, is rendered again after every change.
        register_warm_pages(DocumentLibraryPage.objects.all)

    def load_fixtures(self, loader):
        """Loads this app's records from fixtures/ (ops.content_loader calls it)."""
        from documents.fixture_loading import load

        load(loader)
