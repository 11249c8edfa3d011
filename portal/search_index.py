"""Keeps SearchEntry rows in step with pages, documents and webinars."""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.utils.html import strip_tags

from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.models import SearchEntry
from portal.visibility import public_pages

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def page_kind(page):
    if page._meta.label == "casestudies.CaseStudyPage":
        return SearchEntry.Kind.CASE_STUDY
    return SearchEntry.Kind.PAGE


def field_text(page, name):
    """Plain text of one of the page's search fields."""
    try:
        field = page._meta.get_field(name)
    except FieldDoesNotExist:  # a property or method named in search_fields
        field = None
    value = getattr(page, name, "")
    if isinstance(field, StreamField):
        return " ".join(field.stream_block.get_searchable_content(value))
    if isinstance(field, RichTextField):
        return strip_tags(value or "")
    return "" if value is None or callable(value) else str(value)


def page_text(page):
    names = [f.field_name for f in page.get_search_fields() if isinstance(f, index.SearchField)]
    return " ".join(
        text for name in names if name != "title" and (text := field_text(page, name)).strip()
    )


def save_entry(kind, object_id, language, title, text):
    SearchEntry.objects.update_or_create(
        kind=kind,
        object_id=object_id,
        language=language,
        defaults={"title": title[:255], "text": " ".join(text.split())},
    )


def remove(kind, object_id):
    SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()


def index_page(page):
    page = page.specific
    kind = page_kind(page)
    if (
        not page.live
        or page.depth < 2
        or not public_pages(Page.objects.filter(pk=page.pk)).exists()
    ):
        remove(kind, page.pk)
        return
    save_entry(kind, page.pk, page.locale.language_code, page.title, page_text(page))


def index_translated(kind, record, text_fields, extra_text=""):
    """One entry per language for a record translated with django-modeltranslation."""
    for code in LANGUAGES:
        title = getattr(record, f"title_{code}", "") or record.title
        texts = [getattr(record, f"{name}_{code}", "") or "" for name in text_fields]
        save_entry(kind, record.pk, code, title, " ".join([*texts, extra_text]))


def index_document(document):
    if not document.is_public():  # portal.visibility: the index serves anonymous visitors
        remove(SearchEntry.Kind.DOCUMENT, document.pk)
        return
    index_translated(
        SearchEntry.Kind.DOCUMENT, document, ["description"], extra_text=document.text_content
    )


def index_webinar(webinar):
    index_translated(SearchEntry.Kind.WEBINAR, webinar, ["description", "speakers", "chapters"])


def reindex_collection(collection):
    """Index again (or drop) the documents of a collection and its descendants."""
    documents = apps.get_model("documents", "LibraryDocument").objects.filter(
        collection__in=collection.get_descendants(inclusive=True)
    )
    for document in documents.iterator():
        index_document(document)


def reindex_pages_under(page):
    """Index again (or drop) a page and its descendants, e.g. after a view restriction changed."""
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific().iterator():
        index_page(descendant)


@transaction.atomic
def rebuild():
    """Index everything again from scratch; returns the number of entries."""
    SearchEntry.objects.all().delete()
    for page in public_pages(Page.objects.filter(depth__gt=1)).specific():
        index_page(page)
    for document in apps.get_model("documents", "LibraryDocument").objects.public():
        index_document(document)
    for webinar in apps.get_model("documents", "Webinar").objects.all():
        index_webinar(webinar)
    return SearchEntry.objects.count()
