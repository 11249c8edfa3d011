"""Search entries follow publishing, edits and deletions."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from search import indexing as search_index
from search.models import SearchEntry


def page_changed(sender, instance, **kwargs):
    search_index.index_page(instance)


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        search_index.remove(search_index.page_kind(instance), instance.pk)


def document_saved(sender, instance, **kwargs):
    search_index.index_document(instance)


def document_deleted(sender, instance, **kwargs):
    search_index.remove(SearchEntry.Kind.DOCUMENT, instance.pk)


def webinar_saved(sender, instance, **kwargs):
    search_index.index_webinar(instance)


def webinar_deleted(sender, instance, **kwargs):
    search_index.remove(SearchEntry.Kind.WEBINAR, instance.pk)


def connect():
    from documents.models import LibraryDocument, Webinar

    page_published.connect(page_changed, dispatch_uid="search_page_published")
    page_unpublished.connect(page_changed, dispatch_uid="search_page_unpublished")
    post_delete.connect(page_deleted, dispatch_uid="search_page_deleted")
    post_save.connect(document_saved, sender=LibraryDocument, dispatch_uid="search_doc_saved")
    post_delete.connect(document_deleted, sender=LibraryDocument, dispatch_uid="search_doc_del")
    post_save.connect(webinar_saved, sender=Webinar, dispatch_uid="search_webinar_saved")
    post_delete.connect(webinar_deleted, sender=Webinar, dispatch_uid="search_webinar_del")
