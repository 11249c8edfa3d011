"""Where a page sits and where it leads: menu, breadcrumbs, the same page in other languages."""

from typing import NamedTuple

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Page, Site

from core.visibility import public_pages


class LanguageLink(NamedTuple):
    code: str
    name: str
    url: str
    current: bool
    exact: bool  # False: the page has no translation, the link goes to the nearest one that has


def home_page(request, language_code=None):
    """The live home page of the request's site in the given (default: active) language."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root_keys = Page.objects.filter(sites_rooted_here=site).values("translation_key")
    return (
        Page.objects.live()
        .filter(
            translation_key__in=root_keys, locale__language_code=language_code or get_language()
        )
        .first()
    )


def live_page_of_type(model, language, *, for_request=None):
    """The page of that type in the given language that a visitor may see (core.visibility: live,
    under no view restriction), first in the tree (a library, a list, an index), or None. Every
    channel (pages, search, feeds, mails, the newsletter's proposals) finds such pages here.

    With a request, a restricted page counts too when the request passes its restrictions (a
    signed-in editor), as Wagtail's serving of the page itself would let it through."""
    pages = model.objects.filter(locale__language_code=language).order_by("path")
    if for_request is None:
        return public_pages(pages).first()
    for page in pages.live():
        if all(rule.accept_request(for_request) for rule in page.get_view_restrictions()):
            return page
    return None


def menu_items(home, current_page=None):
    """The home page's live children shown in menus, each flagged when it holds the current page."""
    if home is None:
        return []
    # Specific pages for their menu titles: one query per page type, and the menu is cached.
    items = list(public_pages(home.get_children()).in_menu().specific().defer_streamfields())
    current_path = current_page.path if current_page else ""
    return [(item, current_path.startswith(item.path)) for item in items]


def breadcrumbs(page):
    """The page's ancestors below the tree root, nearest last."""
    return list(page.get_ancestors().filter(depth__gt=1))


def page_language_links(page):
    """A link per language to this page's translation, else to its nearest translated ancestor."""
    chain = [*breadcrumbs(page), page]
    keys = [p.translation_key for p in chain]
    found = {}
    for candidate in (
        Page.objects.live()
        .filter(translation_key__in=keys)
        .exclude(locale_id=page.locale_id)
        .select_related("locale")
    ):
        found.setdefault(candidate.locale.language_code, {})[candidate.translation_key] = candidate
    links = []
    for code, name in settings.LANGUAGES:
        if code == get_language():
            links.append(LanguageLink(code, name, page.url, current=True, exact=True))
            continue
        translations = found.get(code, {})
        target = next(
            (
                translations[p.translation_key]
                for p in reversed(chain)
                if p.translation_key in translations
            ),
            None,
        )
        url = target.url if target else f"/{code}/"
        links.append(
            LanguageLink(
                code,
                name,
                url,
                current=False,
                exact=target is not None and target.translation_key == page.translation_key,
            )
        )
    return links


def path_language_links(path):
    """Language links for a view that is not a page: the same URL under the other prefix."""
    return [
        LanguageLink(
            code, name, translate_url(path, code), current=code == get_language(), exact=True
        )
        for code, name in settings.LANGUAGES
    ]


def home_language_links():
    """Language links to each home page, for error pages that have no counterpart."""
    return [
        LanguageLink(code, name, f"/{code}/", current=code == get_language(), exact=False)
        for code, name in settings.LANGUAGES
    ]
