"""Turns links to #glossary-<key> in rich text into terms with their definition."""

import hashlib
import itertools
import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.navigation import live_page_of_type
from portal.models.glossary import GlossaryPage, terms_by_slug

register = template.Library()
MARKED = re.compile(r'<a href="#glossary-([a-z0-9-]+)">(.*?)</a>', re.S)


@register.filter
def glossary(html):
    """Each marked term links to the glossary and carries its definition (hover, focus, print)."""
    html = str(html)
    if "#glossary-" not in html:
        return mark_safe(html)  # noqa: S308 - already-rendered rich text
    terms = terms_by_slug()
    code = get_language() or "pt"
    page = live_page_of_type(GlossaryPage, code)
    base = page.url if page else ""
    # Ids from the text itself: a body cached by one server process sits beside fresh ones.
    prefix = hashlib.sha256(html.encode()).hexdigest()[:8]
    counter = itertools.count()

    def replace(match):
        entry = terms.get(match[1], {}).get(code)
        if entry is None:
            return match[2]  # an unknown key: keep the words, drop the broken link
        term, acronym, definition = entry
        label = f"{term} ({acronym})" if acronym else term
        number = f"{prefix}-{next(counter)}"
        return format_html(
            '<span class="glossary-term"><a href="{}#{}" aria-describedby="gdef-{}">{}</a>'
            '<span class="glossary-term__definition" id="gdef-{}" role="tooltip">'
            "<strong>{}</strong> {}</span></span>",
            base,
            match[1],
            number,
            mark_safe(match[2]),  # noqa: S308 - the editor's own rich text
            number,
            escape(label) + _(":"),
            definition,
        )

    return mark_safe(MARKED.sub(replace, html))  # noqa: S308
