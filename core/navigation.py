"""Where a page sits and where it leads: menu, breadcrumbs, the same page in other languages."""

from typing import NamedTuple

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import BooleanField, Q
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Page

from core.prepared import Prepared
from core.visibility import public_pages
from core.written_sql import WrittenSQL


class LanguageLink(NamedTuple):
    code: str
    name: str
    url: str
    current: bool
    exact: bool  # False: the page has no translation, the link goes to the nearest one that has


def home_page(request, language_code=None):
    """The live home page of the request's site in the given (default: active) language."""
    # Imported here: core.routing imports Wagtail's views, which need the models loaded, and
    # this module is imported while they load (buyers' newsletter).
    from core.routing import find_site

    site = find_site(request)
    if site is None:
        return None
    code = language_code or get_language()
    routed_code, routed = getattr(request, "routed_home", (None, None))  # core.routing's walk
    if routed is not None and routed_code == code:
        return routed
    root_keys = Page.objects.filter(sites_rooted_here=site).values("translation_key")
    return (
        Page.objects.live()
        .filter(translation_key__in=root_keys, locale__language_code=code)
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
    items = MENU(home.path, home.depth + 1)
    menu_titles(items)
    current_path = current_page.path if current_page else ""
    return [(item, current_path.startswith(item.path)) for item in items]


# A page's children in the menu; what a menu link shows (and menu_titles reads), not the
# page's 30 other columns.
MENU = Prepared(
    lambda path, depth: (
        public_pages(Page.objects.filter(path__startswith=path, depth=depth))
        .in_menu()
        .order_by("path")
        .only("path", "url_path", "title", "content_type_id")
    )
)


def menu_titles(pages):
    """Sets each plain page's `menu_title` from its own type's table, all types in one query
    (the whole specific pages, one query per type, were a third of a cold page's queries).

    Written as SQL from the models' tables: the ORM spent longer building this UNION of a
    query per page type than the database spent answering it (a sixth of a cold search page)."""
    by_table = {}
    for page in pages:
        page.menu_title = ""
        model = ContentType.objects.get_for_id(page.content_type_id).model_class()
        field = model and next(
            (f for f in model._meta.concrete_fields if f.name == "menu_title"), None
        )
        if field is not None:
            meta = field.model._meta  # the table that holds the column, its key the page's id
            by_table.setdefault((meta.db_table, meta.pk.column, field.column), []).append(page.pk)
    if not by_table:
        return
    quote = connection.ops.quote_name
    selects, params = [], []
    for (table, key, column), pks in by_table.items():
        key, marks = quote(key), ", ".join(["%s"] * len(pks))
        select = f"SELECT {key}, {quote(column)} FROM {quote(table)} WHERE {key} IN ({marks})"  # noqa: S608
        selects.append(select)  # names from the models' metadata, values as parameters
        params.extend(pks)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        titles = dict(cursor.fetchall())
    for page in pages:
        page.menu_title = titles.get(page.pk, "")


# What a link to a page (its address) and a breadcrumb (its title) read of it.
LINKED_FIELDS = ("path", "depth", "url_path", "title")


def breadcrumbs(page):
    """The page's ancestors below the tree root, nearest last; read once per page object (the
    breadcrumbs and the language links both ask, on the same request's page)."""
    if "_ancestors_below_root" not in page.__dict__:
        page._ancestors_below_root = list(page.get_ancestors().filter(depth__gt=1))
    return page._ancestors_below_root


class SharesKeyWith(WrittenSQL):
    """The page's translation key is that of one of the pages at these paths.

    On PostgreSQL the keys are read first, as an array, so the key's index finds the rows; as
    `IN (subquery)` beside the ancestors' OR it scanned every page (2 ms at 4,000 pages, on
    every page served). SQLite answers the plain IN from both indexes."""

    conditional = True

    def __init__(self, paths):
        super().__init__("translation_key", output_field=BooleanField())
        self.paths = list(paths)

    def keys(self, name):
        marks = ", ".join(["%s"] * len(self.paths))
        table = name(Page._meta.db_table)
        return f"SELECT {name('translation_key')} FROM {table} WHERE {name('path')} IN ({marks})"  # noqa: S608

    def written(self, columns, name):
        return f"{columns[0]} IN ({self.keys(name)})", self.paths

    def as_postgresql(self, compiler, connection):
        column = compiler.compile(self.columns[0])[0]
        return f"{column} = ANY(ARRAY({self.keys(connection.ops.quote_name)}))", self.paths


def language_rows(locale_id, path, *ancestor_paths):
    """The ancestors' pages (by their paths) and the live translations of them and the page."""
    translated = Q(SharesKeyWith([*ancestor_paths, path]), live=True) & ~Q(locale_id=locale_id)
    rows = Page.objects.filter(Q(path__in=ancestor_paths) | translated).select_related("locale")
    return rows.only(*LINKED_FIELDS, "live", "translation_key", "locale__language_code")


LANGUAGE_ROWS = Prepared(language_rows)


def page_language_links(page, request=None):
    """A link per language to this page's translation, else to its nearest translated ancestor.

    One query reads the translations and the page's ancestors, kept for its breadcrumbs. With
    the request, the addresses read Wagtail's site root paths once per request, not per page."""
    paths = [page.path[: page.steplen * depth] for depth in range(2, page.depth)]
    rows = LANGUAGE_ROWS(page.locale_id, page.path, *paths)
    page.__dict__.setdefault("_ancestors_below_root", [row for row in rows if row.path in paths])
    chain = [*breadcrumbs(page), page]
    found = {}
    for candidate in rows:
        if candidate.live and candidate.locale_id != page.locale_id:  # a translation
            code = candidate.locale.language_code
            found.setdefault(code, {})[candidate.translation_key] = candidate
    links = []
    for code, name in settings.LANGUAGES:
        if code == get_language():
            links.append(LanguageLink(code, name, page.get_url(request), current=True, exact=True))
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
        url = target.get_url(request) if target else f"/{code}/"
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
