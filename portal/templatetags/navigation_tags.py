from django import template
from django.utils.translation import get_language

from core import navigation
from core.prepared import Prepared
from core.versioned_cache import remember
from core.visibility import public_pages
from portal.models import ContentPage, Organisation

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The language switcher's links for whatever this template renders."""
    page = context.get("page")
    if context.get("is_error_page"):
        return navigation.home_language_links()
    if page is not None and getattr(page, "pk", None):
        links = remember(
            context["request"],
            f"language-links:{page.pk}:{get_language()}",
            lambda: navigation.page_language_links(page, context.get("request")),
        )
        # A routable page's sub-view (a document, a webinar) exists under every translation.
        subpath = context.get("subpage_path")
        if subpath:
            links = [
                link._replace(url=link.url + subpath) if link.exact else link for link in links
            ]
        return links
    request = context.get("request")
    return navigation.path_language_links(request.path) if request else []


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = context["request"]
    page = context.get("page")
    home = navigation.home_page(request)
    return {"home": home, "items": navigation.menu_items(home, page), "request": request}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not page:
        return {"crumbs": [], "page": page}
    crumbs = remember(
        context["request"], f"breadcrumbs:{page.pk}", lambda: navigation.breadcrumbs(page)
    )
    return {"crumbs": crumbs, "page": page, "request": context["request"]}


# The footer's pages in a language, a link each (their title and address).
FOOTER_PAGES = Prepared(
    lambda language: (
        public_pages(ContentPage.objects)
        .filter(in_footer=True, locale__language_code=language)
        .order_by("path")
        .only("title", "url_path")
    )
)
FOOTER_ROLES = [
    Organisation.Role.INITIATIVE,
    Organisation.Role.PARTNER,
    Organisation.Role.CO_FUNDER,
]
FOOTER_ORGANISATIONS = Prepared(lambda: Organisation.objects.filter(role__in=FOOTER_ROLES))


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    # With the request, {% pageurl %} reads the sites' root paths once, not once per link.
    return {"pages": FOOTER_PAGES(get_language()), "request": context.get("request")}


@register.inclusion_tag("includes/footer_organisations.html")
def footer_organisations():
    return {"organisations": FOOTER_ORGANISATIONS()}
