from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BuyersConfig(AppConfig):
    name = "buyers"
    shown_on_pages = True  # an edit to any record here bumps the page cache's version
    verbose_name = _("Tools for public buyers")

    def ready(self):
        from buyers.sitemaps import NewsletterIssueSitemap
        from core.sitemaps import register_section

        register_section("newsletter", NewsletterIssueSitemap)
