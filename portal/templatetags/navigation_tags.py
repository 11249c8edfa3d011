from django import template
from django.utils.translation import get_language

from core import navigation
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
            lambda: navigation.page_language_links(page),
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


@register.inclusion_tag("includes/footer_links.html")
def footer_links():
    pages = public_pages(ContentPage.objects)
    pages = pages.filter(in_footer=True, locale__language_code=get_language())
    return {"pages": list(pages.order_by("path").only("title", "url_path"))}  # a link each


@register.inclusion_tag("includes/footer_organisations.html")
def footer_organisations():
    roles = [Organisation.Role.INITIATIVE, Organisation.Role.PARTNER, Organisation.Role.CO_FUNDER]
    return {"organisations": list(Organisation.objects.filter(role__in=roles))}
