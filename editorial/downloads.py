"""Counts each file Wagtail serves, and reads the counts back for the admin report."""

from django.db.models import Sum

from wagtail.documents.models import document_served

from editorial.models import DocumentDownload


def count_download(sender, instance, **kwargs):
    # Sent after the collection's view restrictions passed: only files actually served count.
    DocumentDownload.record(instance.pk)


def connect():
    document_served.connect(count_download, dispatch_uid="editorial_count_download")


def top_documents(start, end, limit):
    """The most downloaded documents between two days (inclusive), with their totals."""
    return list(
        DocumentDownload.objects.filter(day__range=(start, end))
        .values("document_id", "document__title_pt", "document__title_en")
        .annotate(total=Sum("count"))
        .order_by("-total", "document__title_pt")[:limit]
    )
