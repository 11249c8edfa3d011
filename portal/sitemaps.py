"""The sitemap section of the pages of both language trees."""

from django.db.models import Max
from django.utils.functional import cached_property

from core.sitemaps import TranslatedSitemap, site_homes, site_pages


class PageSitemap(TranslatedSitemap):
    """Every live, public page of both trees; alternates are its live, public translations."""

    # Rows, not Page objects: building a page object costs more than writing its address.
    FIELDS = (
        "translation_key", "locale__language_code", "url_path",
        "last_published_at", "latest_revision_created_at",
    )  # fmt: skip
    KEYS_PER_QUERY = 5000  # SQLite takes at most 32,766 parameters in one query

    def items(self):
        return site_pages(self.request).order_by("path").values_list(*self.FIELDS)

    def get_latest_lastmod(self):
        return site_pages(self.request).aggregate(latest=Max("last_published_at"))["latest"]

    @cached_property
    def homes(self):
        """{url_path: address} of each language's home page."""
        return {home.url_path: home.get_url(self.request) for home in site_homes(self.request)}

    def page_path(self, url_path):
        """A page's address from its tree's home: one URL reversed per tree, not one per page."""
        home = next(home for home in self.homes if url_path.startswith(home))
        return self.homes[home] + url_path[len(home) :]

    def translations(self, keys):
        """{translation key: {language: path}} of the live, public pages with those keys."""
        keys, paths = list(keys), {}
        for start in range(0, len(keys), self.KEYS_PER_QUERY):
            batch = keys[start : start + self.KEYS_PER_QUERY]
            for key, language, url_path, *_dates in self.items().filter(translation_key__in=batch):
                paths.setdefault(key, {})[language] = self.page_path(url_path)
        return paths

    def entries(self, pages):
        pages = list(pages)
        paths = self.translations({page[0] for page in pages})
        return [
            (paths[key][language], published or revised, paths[key])
            for key, language, _url_path, published, revised in pages
        ]
