"""Sitemap sections of the library's documents and the webinars, registered in apps.py."""

from django.db.models import Max
from django.utils import timezone

from core.sitemaps import SubpageSitemap
from documents.models import DocumentLibraryPage, LibraryDocument, Webinar, WebinarIndexPage


def sitemap_documents():
    """The documents the sitemap lists: the one place that decides which ones."""
    return LibraryDocument.objects.listed()


class DocumentSitemap(SubpageSitemap):
    index_model = DocumentLibraryPage

    def records(self):
        # Only what the address needs: never the file's text.
        fields = ("pk", "title_pt", "title_en", "created_at")
        return sitemap_documents().order_by("pk").values_list(*fields, named=True)

    def subpage(self, index, record, language):
        title = getattr(record, f"title_{language}") or record.title_pt  # EN falls back to PT
        return index.document_subpage(record.pk, title)

    def lastmod(self, record):
        return record.created_at

    def get_latest_lastmod(self):
        return sitemap_documents().aggregate(latest=Max("created_at"))["latest"]


def webinar_lastmod(day):
    """A webinar's page changes on its day (it moves to the past, gets its recording); a
    future day is no modification date, so today stands in for it."""
    return min(day, timezone.localdate()) if day else None


class WebinarSitemap(SubpageSitemap):
    index_model = WebinarIndexPage

    def records(self):
        return Webinar.objects.order_by("pk").values_list("pk", "slug", "starts_on", named=True)

    def subpage(self, index, record, language):
        return index.webinar_subpage(record.slug)

    def lastmod(self, record):
        return webinar_lastmod(record.starts_on)

    def get_latest_lastmod(self):
        return webinar_lastmod(Webinar.objects.aggregate(latest=Max("starts_on"))["latest"])
