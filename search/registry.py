"""What the search index holds besides pages: content apps register their records here.

A page is indexed by itself (its own search fields, its `search_kind`); a record that is not a
page (a library document, a webinar, an FAQ entry, a glossary term) is indexed through the
Source its app registers in `AppConfig.ready()`, so the search app never names the apps above it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models.signals import post_delete, post_save


@dataclass(frozen=True)
class Source:
    kind: str  # the entries' kind (SearchEntry.kind), also the search page's type filter value
    model: type
    text_fields: list[str]  # translated fields (modeltranslation) searched besides the title
    # The record's addresses in one language: (records, language) -> {pk: url}.
    urls: Callable[[list, str], dict]
    extra_text: Callable[[Any], str] = field(default=lambda record: "")
    title_field: str = "title"  # the translated field shown as the result's title
    # What visitors may see, as a queryset read afresh on every save (e.g. live FAQ entries: a
    # draft saved in the admin never reaches the index); None: the model's public() or all().
    visible: Callable[[], Any] | None = None
    label: Any = ""  # the kind's name on the search page (a lazy translation)
    # The page type that shows the records (the FAQ page): in a language where no such page is
    # visible the records have no address and leave the index; publishing, unpublishing,
    # moving, restricting or deleting such a page indexes them again.
    host_page: type | None = None


_sources: dict[str, Source] = {}


def register(source):
    """Index this model's records and keep them in step with saves and deletions."""
    from search import signals

    _sources[source.kind] = source
    post_save.connect(signals.record_saved, sender=source.model, dispatch_uid=source.kind)
    post_delete.connect(signals.record_deleted, sender=source.model, dispatch_uid=source.kind)


def sources():
    return list(_sources.values())


def source_for_kind(kind):
    return _sources.get(kind)


def sources_hosted_by(page):
    """The sources whose records a page of this type shows."""
    page_class = page.specific_class or type(page)
    return [s for s in _sources.values() if s.host_page and issubclass(page_class, s.host_page)]


def source_for_model(model):
    return next((s for s in _sources.values() if issubclass(model, s.model)), None)
