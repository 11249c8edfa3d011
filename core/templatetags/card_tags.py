"""Cards of a listing rendered once per record and content version, shared by every listing."""

from django import template
from django.conf import settings
from django.core.cache import cache
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
        html = [card.render({**shared, name: record}, request) for record in records]
    else:
        keys = [
            versioned_key(request, f"card:{template_name}:{record.pk}:{get_language()}")
            for record in records
        ]
        found = cache.get_many(keys)
        missing = {}
        html = []
        for key, record in zip(keys, records, strict=True):
            if key not in found:
                found[key] = missing[key] = card.render({**shared, name: record}, request)
            html.append(found[key])
        if missing:
            cache.set_many(missing, seconds)
    return mark_safe("".join(f"<{tag}>{part}</{tag}>" for part in html))  # noqa: S308 (rendered templates)
