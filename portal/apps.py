from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The guidance pages: home, content pages, FAQ, modules, events, glossary, partnership."""

    name = "portal"
    shown_on_pages = True  # an edit to any record here bumps the page cache's version
    verbose_name = _("Portal")

    def ready(self):
        from core.sitemaps import register_section
        from portal.search_sources import register_sources
        from portal.sitemaps import PageSitemap

        register_sources()
        register_section("pages", PageSitemap)

    def load_fixtures(self, loader):
        """Loads this app's records from fixtures/ (ops.content_loader calls it)."""
        from portal.fixture_loading import load

        load(loader)
