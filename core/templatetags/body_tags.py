"""A page's body rendered once per content version, not on every request."""

from django import template
from django.utils.translation import get_language

from core.versioned_cache import remember

register = template.Library()


@register.simple_tag(takes_context=True)
def page_body(context, page):
    """{% include_block page.body %}, kept for the content version; a preview renders afresh."""
    request = context.get("request")

    def render():
        return page.body.render_as_block(context=context.flatten())

    if request is None or getattr(request, "is_preview", False) or not page.pk:
        return render()
    return remember(request, f"body:{page.pk}:{get_language()}", render)
