"""Cards of a listing rendered once per record and content version, shared by every listing."""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.template.context import make_context
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.versioned_cache import versioned_key

register = template.Library()


@register.simple_tag(takes_context=True)
def cards(context, records, template_name, name, tag="li", **shared):
    """Each record through `template_name` (as `name`), each wrapped in <tag>; one cache read.

    `shared` values (e.g. the list page) join each card's context: they must be the same
    wherever the template is used for this content version, as the key names only the record.
    """
    records = list(records)
    card = get_template(template_name)
    request = context.get("request")
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if request is None or not seconds or getattr(request, "is_preview", False):
        html = render_each(card, records, name, request, shared)
    else:
        keys = [
            versioned_key(request, f"card:{template_name}:{record.pk}:{get_language()}")
            for record in records
        ]
        found = cache.get_many(keys)
        pairs = [pair for pair in zip(keys, records, strict=True) if pair[0] not in found]
        fresh = render_each(card, [record for _key, record in pairs], name, request, shared)
        missing = {key: part for (key, _record), part in zip(pairs, fresh, strict=True)}
        found.update(missing)
        html = [found[key] for key in keys]
        if missing:
            cache.set_many(missing, seconds)
    return mark_safe("".join(f"<{tag}>{part}</{tag}>" for part in html))  # noqa: S308 (rendered templates)


def render_each(card, records, name, request, shared):
    """Each record through `card` in one context: the context processors run once, not per card.

    Each card sees what a card rendered alone sees ({**shared, name: record} over the
    processors' values), and its own render state, as Template.render gives it.
    """
    if not records:
        return []  # every card cached: no context to build
    context = make_context(shared, request, autoescape=card.backend.engine.autoescape)
    template = card.template
    html = []
    with context.bind_template(template):
        context.template_name = template.name
        for record in records:
            with context.push({name: record}):
                html.append(template.render(context))
    return html
