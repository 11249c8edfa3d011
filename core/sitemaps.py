"""What the sitemap's sections share, on Django's sitemap framework: both language trees, each
address with its translations as hreflang alternates (x-default: Portuguese), at most
SITEMAP_PAGE_SIZE a page.

Apps add sections for their own records with `register_section` in AppConfig.ready().
"""

from html import escape

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from django.utils.functional import cached_property

from wagtail.models import Page, Site

from core.visibility import public_pages

SECTIONS = {}  # section name -> Sitemap class taking the request


def register_section(name, sitemap_class):
    SECTIONS[name] = sitemap_class


def site_homes(request):
    """The home page of each language tree of the request's site."""
    site = Site.find_for_request(request)
    if site is None:
        return Page.objects.none()
    return public_pages(Page.objects.filter(translation_key=site.root_page.translation_key))


def site_pages(request):
    """Live, public pages of every language tree of the request's site."""
    in_a_tree = Q()
    for path in site_homes(request).values_list("path", flat=True):
        in_a_tree |= Q(path__startswith=path)
    if not in_a_tree:
        return Page.objects.none()
    return public_pages(Page.objects.filter(in_a_tree))


class TranslatedSitemap(Sitemap):
    """One <url> per address, each listing every language's address of the same item."""

    def __init__(self, request):
        self.request = request
        self.limit = settings.SITEMAP_PAGE_SIZE

    def entries(self, items):
        """(path, lastmod, {language: path}) for the items of one sitemap page."""
        raise NotImplementedError

    def url_elements(self, page, base):
        """The <url> elements of one sitemap page, as text: a template takes seconds for
        50,000 addresses with their alternates."""
        links = {}  # an item's addresses share one set of links
        for path, lastmod, translations in self.entries(self.paginator.page(page).object_list):
            if id(translations) not in links:
                links[id(translations)] = hreflang_links(base, translations)
            yield url_element(base + path, lastmod, links[id(translations)])


def hreflang_links(base, translations):
    """Each language's address, and x-default for the default language's."""
    if settings.LANGUAGE_CODE in translations:
        translations = {**translations, "x-default": translations[settings.LANGUAGE_CODE]}
    return "".join(
        f'<xhtml:link rel="alternate" hreflang="{code}" href="{escape(base + path)}"/>'
        for code, path in translations.items()
    )


def url_element(location, lastmod, links):
    lastmod = f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else ""
    return f"<url><loc>{escape(location)}</loc>{lastmod}{links}</url>\n"


class LanguagePairs:
    """(record, language) pairs of an ordered queryset for the paginator: counted and sliced in
    the database, never loaded whole."""

    def __init__(self, records, languages):
        self.records, self.languages = records, languages

    def count(self):
        return self.records.count() * len(self.languages)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        width = len(self.languages)
        if not width:
            return []
        first = window.start // width
        records = self.records[first : -(-window.stop // width)]
        pairs = [(record, language) for record in records for language in self.languages]
        skip = window.start - first * width
        return pairs[skip : skip + window.stop - window.start]


class SubpageSitemap(TranslatedSitemap):
    """Records shown under a routable page of each language tree (the library, the webinar
    list): one address per record and language."""

    index_model = None  # the routable page model the records are shown under

    def records(self):
        """The section's records, ordered, as named rows of the few fields the paths need."""
        raise NotImplementedError

    def subpage(self, index, record, language):
        """The record's path below the index page."""
        raise NotImplementedError

    def lastmod(self, record):
        raise NotImplementedError

    @cached_property
    def indexes(self):
        """{language: (index page, its path)}, in the order of LANGUAGES."""
        pages = self.index_model.objects.filter(pk__in=site_pages(self.request).values("pk"))
        found = {page.locale.language_code: page for page in pages.select_related("locale")}
        return {
            code: (found[code], found[code].get_url(self.request))
            for code, _name in settings.LANGUAGES
            if code in found
        }

    def items(self):
        return LanguagePairs(self.records(), list(self.indexes))

    def entries(self, pairs):
        paths = {}
        for record, language in pairs:
            if record.pk not in paths:
                paths[record.pk] = {
                    code: index_path + self.subpage(index, record, code)
                    for code, (index, index_path) in self.indexes.items()
                }
            yield paths[record.pk][language], self.lastmod(record), paths[record.pk]
