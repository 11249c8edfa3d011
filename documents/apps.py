from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Document library")

    def ready(self):
        from documents.sitemaps import DocumentSitemap, WebinarSitemap
        from portal.sitemaps import register_section

        register_section("documents", DocumentSitemap)
        register_section("webinars", WebinarSitemap)
