"""What the search index holds besides pages: content apps register their records here.

A page is indexed by itself (its own search fields, its `search_kind`); a record that is not a
page (a library document, a webinar, an FAQ entry, a glossary term) is indexed through the
Source its app registers in `AppConfig.ready()`, so the search app never names the apps above it.
Every kind of entry (SearchEntry.kind) is registered with its name and its ranking boost: the
search app knows only its own kind, "page".
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

PAGE = "page"  # the kind of every page without a `search_kind` of its own


@dataclass(frozen=True)
class Kind:
    kind: str  # SearchEntry.kind, also the search page's type filter value
    label: Any  # its name on the search page (a lazy translation)
    boost: float = 1.0  # its weight in the ranking (search/ranking.py explains the scale)


@dataclass(frozen=True)
class Source:
    kind: str  # the entries' kind (SearchEntry.kind), also the search page's type filter value
    model: type
    text_fields: list[str]  # translated fields (modeltranslation) searched besides the title
    # The record's addresses in one language: (records, language) -> {pk: url}.
    urls: Callable[[list, str], dict]
    label: Any  # the kind's name on the search page (a lazy translation)
    boost: float = 1.0  # the kind's weight in the ranking
    extra_text: Callable[[Any], str] = field(default=lambda record: "")
    title_field: str = "title"  # the translated field shown as the result's title
    # What visitors may see, as a queryset read afresh on every save (e.g. live FAQ entries: a
    # draft saved in the admin never reaches the index); None: the model's public() or all().
    visible: Callable[[], Any] | None = None
    # The page type that shows the records (the FAQ page): in a language where no such page is
    # visible the records have no address and leave the index; publishing, unpublishing,
    # moving, restricting or deleting such a page indexes them again.
    host_page: type | None = None


_kinds: dict[str, Kind] = {PAGE: Kind(PAGE, _("Page"), 1.4)}  # guidance pages, modules, events
_sources: dict[str, Source] = {}
_listeners: list[Callable[[Source], None]] = []


def register_kind(kind, label, boost=1.0):
    """A kind of entry of its own, e.g. a page type's `search_kind`."""
    _kinds[kind] = Kind(kind, label, boost)


def register(source):
    """Index this model's records: each listener (search.signals) hears of it."""
    _sources[source.kind] = source
    register_kind(source.kind, source.label, source.boost)
    for listener in _listeners:
        listener(source)


def on_register(listener):
    """Call listener(source) for every source registered, before and after."""
    _listeners.append(listener)
    for source in list(_sources.values()):
        listener(source)


def kinds():
    """Every kind, "page" first, then in the order the apps registered them."""
    return list(_kinds.values())


def kind_named(name):
    return _kinds.get(name)


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
