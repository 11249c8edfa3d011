"""Search entries follow publishing, edits and deletions."""

from django.db.models.signals import post_delete

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from search import indexing, registry


def page_changed(sender, instance, **kwargs):
    indexing.index_page(instance)


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        indexing.remove(indexing.page_kind(instance), instance.pk)


def record_saved(sender, instance, **kwargs):
    indexing.index_record(registry.source_for_model(sender), instance)


def record_deleted(sender, instance, **kwargs):
    indexing.remove(registry.source_for_model(sender).kind, instance.pk)


def connect():
    """Pages; registered records connect as they register (search.registry)."""
    page_published.connect(page_changed, dispatch_uid="search_page_published")
    page_unpublished.connect(page_changed, dispatch_uid="search_page_unpublished")
    post_delete.connect(page_deleted, dispatch_uid="search_page_deleted")
