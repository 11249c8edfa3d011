"""Content pages published under a home page, as search tests need them."""

from tests.portal.factories import ContentPageFactory


def publish_pages(homes, *pages):
    """Each (language, title, intro) as a live content page under that language's home."""
    for language, title, intro in pages:
        home = homes[language]
        page = ContentPageFactory(parent=home, locale=home.locale, title=title, intro=intro)
        page.save_revision().publish()
