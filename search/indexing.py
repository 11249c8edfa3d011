"""Keeps SearchEntry rows in step with pages and the records apps register (search.registry)."""

from django.conf import settings
from django.db import transaction
from django.utils.html import strip_tags

from wagtail.models import CollectionMember, Page

from core.models import ContentVersion
from core.visibility import public_pages
from search import registry
from search.models import SearchEntry
from search.page_text import page_text

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def page_kind(page):
    """A page type may say it is found under its own kind (`search_kind`), e.g. case studies."""
    return getattr(page, "search_kind", registry.PAGE)


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


def is_public(record):
    """A record with view restrictions (core.visibility) says whether a visitor may see it."""
    return getattr(record, "is_public", lambda: True)()


def public_records(model):
    manager = model.objects
    return manager.public() if hasattr(manager, "public") else manager.all()


def visible_records(source):
    return source.visible() if source.visible else public_records(source.model)


def translated(record, name, code):
    """A translated field in this language, else in the default one (the site's fallback)."""
    for language in (code, settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        if value := getattr(record, f"{name}_{language}", None):
            return str(value)
    return str(getattr(record, name, "") or "")


def addresses(source, records):
    """For a hosted source (FAQ entries on the FAQ page), per language the records that have an
    address there, read once for all of them; None for a source whose records always have one."""
    if not source.host_page:
        return None
    return {
        code: {pk for pk, url in source.urls(records, code).items() if url} for code in LANGUAGES
    }


def write_entries(source, record, addressed):
    """The record's entry in each language where it has an address (`addresses`)."""
    extra_text = source.extra_text(record)
    for code in LANGUAGES:
        if addressed is not None and record.pk not in addressed[code]:
            SearchEntry.objects.filter(
                kind=source.kind, object_id=record.pk, language=code
            ).delete()
            continue
        title = translated(record, source.title_field, code)
        texts = [strip_tags(translated(record, name, code)) for name in source.text_fields]
        save_entry(source.kind, record.pk, code, title, " ".join([*texts, extra_text]))


def index_record(source, record):
    """One entry per language for a registered record translated with django-modeltranslation;
    none for a record visitors may not see (the index serves anonymous visitors)."""
    pk = record.pk
    if source.visible:
        # Read afresh: the instance saved may hold a draft that is not what visitors see.
        record = source.visible().filter(pk=record.pk).first()
    if record is None or not is_public(record):
        remove(source.kind, pk)
        return
    write_entries(source, record, addresses(source, [record]))


def index_visible(source):
    """Every record of the source that visitors may see, as read by `visible_records`."""
    records = [record for record in visible_records(source) if is_public(record)]
    addressed = addresses(source, records)
    for record in records:
        write_entries(source, record, addressed)


def reindex_hosted(page):
    """Index again the records this page shows (FAQ entries on the FAQ page): their addresses
    come or go with it."""
    for source in registry.sources_hosted_by(page):
        SearchEntry.objects.filter(kind=source.kind).delete()
        index_visible(source)


def reindex_collection(collection):
    """Index again (or drop) the registered records of a collection and its descendants."""
    collections = collection.get_descendants(inclusive=True)
    for source in registry.sources():
        if issubclass(source.model, CollectionMember):
            for record in source.model.objects.filter(collection__in=collections).iterator():
                index_record(source, record)


def reindex_pages_under(page):
    """Index again (or drop) a page and its descendants, e.g. after a view restriction changed."""
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific().iterator():
        index_page(descendant)
        reindex_hosted(descendant)


@transaction.atomic
def rebuild():
    """Index everything again from scratch; returns the number of entries."""
    SearchEntry.objects.all().delete()
    for page in public_pages(Page.objects.filter(depth__gt=1)).specific():
        index_page(page)
    for source in registry.sources():
        index_visible(source)
    transaction.on_commit(ContentVersion.bump)  # ranked ids are cached under the version
    return SearchEntry.objects.count()
