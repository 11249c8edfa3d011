"""Search entries follow publishing, edits, deletions and view restrictions."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.collection_moves import collection_moved
from search import indexing, registry


def page_changed(sender, instance, **kwargs):
    indexing.index_page(instance)
    indexing.reindex_hosted(instance)


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        indexing.remove(indexing.page_kind(instance), instance.pk)
        if registry.sources_hosted_by(instance):
            transaction.on_commit(lambda: indexing.reindex_hosted(instance))


def record_saved(sender, instance, **kwargs):
    indexing.index_record(registry.source_for_model(sender), instance)


def record_deleted(sender, instance, **kwargs):
    indexing.remove(registry.source_for_model(sender).kind, instance.pk)


def restriction_moving(sender, instance, **kwargs):
    """Remember what a changed restriction covered before, to index that again too."""
    field = "collection_id" if sender is CollectionViewRestriction else "page_id"
    before = sender.objects.filter(pk=instance.pk).values_list(field, flat=True).first()
    instance._covered_before = before


def covered(instance, field):
    return {getattr(instance, field), getattr(instance, "_covered_before", None)} - {None}


def collection_restriction_changed(sender, instance, **kwargs):
    # Collections already deleted (with the restriction) have nothing left to index.
    for collection in Collection.objects.filter(pk__in=covered(instance, "collection_id")):
        indexing.reindex_collection(collection)


def page_restriction_changed(sender, instance, **kwargs):
    for page in Page.objects.filter(pk__in=covered(instance, "page_id")):
        indexing.reindex_pages_under(page)


def page_moved(sender, instance, **kwargs):
    """Moved under a restricted page (or out of one): it and its subtree leave (or return)."""
    indexing.reindex_pages_under(instance)


def collection_moved_under(sender, instance, **kwargs):
    indexing.reindex_collection(instance)


def connect_source(source):
    """A registered model's saves and deletions reach the index."""
    post_save.connect(record_saved, sender=source.model, dispatch_uid=source.kind)
    post_delete.connect(record_deleted, sender=source.model, dispatch_uid=source.kind)


def connect():
    """Pages and view restrictions; registered records connect as they register."""
    registry.on_register(connect_source)
    page_published.connect(page_changed, dispatch_uid="search_page_published")
    page_unpublished.connect(page_changed, dispatch_uid="search_page_unpublished")
    post_delete.connect(page_deleted, dispatch_uid="search_page_deleted")
    post_page_move.connect(page_moved, dispatch_uid="search_page_moved")
    collection_moved.connect(collection_moved_under, dispatch_uid="search_collection_moved")
    # A view restriction added, changed or removed: what visitors may find changes at once.
    for model in (CollectionViewRestriction, PageViewRestriction):
        pre_save.connect(restriction_moving, sender=model, dispatch_uid=f"search_moving_{model}")
    for signal in (post_save, post_delete):
        signal.connect(
            collection_restriction_changed,
            sender=CollectionViewRestriction,
            dispatch_uid=f"search_collection_restriction_{signal}",
        )
        signal.connect(
            page_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search_page_restriction_{signal}",
        )
