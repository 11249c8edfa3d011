"""Every public page type, in both languages, as the browser suite visits them."""

import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True)
class FirstLink:
    """The first link on a listing whose address matches a pattern (ids differ per database)."""

    listing: str
    pattern: str

    def resolve(self, base_url):
        with urllib.request.urlopen(base_url + self.listing) as response:  # noqa: S310 (loopback)
            html = response.read().decode()
        match = re.search(rf'href="({self.pattern})"', html)
        if not match:
            raise LookupError(f"No link matching {self.pattern} on {self.listing}")
        return match.group(1)


PAGE_TYPES = {
    "home": {"pt": "/pt/", "en": "/en/"},
    "content": {
        "pt": "/pt/compras-publicas-de-inovacao/",
        "en": "/en/public-procurement-of-innovation/",
    },
    "partnership": {
        "pt": "/pt/procure-i/parceria-ani-impic/",
        "en": "/en/procure-i/ani-impic-partnership/",
    },
    "faq": {"pt": "/pt/perguntas-frequentes/", "en": "/en/faq/"},
    "module-index": {"pt": "/pt/modulos/", "en": "/en/modules/"},
    "module": {"pt": "/pt/modulos/modulo-estrategico/", "en": "/en/modules/strategic-module/"},
    "guide-index": {"pt": "/pt/guias/", "en": "/en/guides/"},
    "guide": {
        "pt": "/pt/guias/consulta-preliminar-ao-mercado/",
        "en": "/en/guides/preliminary-market-consultation/",
    },
    "event-index": {"pt": "/pt/seminarios-e-workshops/", "en": "/en/seminars-and-workshops/"},
    "report": {
        "pt": "/pt/seminarios-e-workshops/seminario-tematico-lisboa-2019/",
        "en": "/en/seminars-and-workshops/thematic-seminar-lisbon-2019/",
    },
    "case-index-filtered": {
        "pt": "/pt/casos-de-estudo/?procedure=pcp",
        "en": "/en/case-studies/?procedure=pcp",
    },
    "case-study": {"pt": "/pt/casos-de-estudo/mertola/", "en": "/en/case-studies/mertola/"},
    "library-filtered": {
        "pt": "/pt/biblioteca/?category=report&sort=title",
        "en": "/en/library/?category=report&sort=title",
    },
    "document": {
        "pt": FirstLink("/pt/biblioteca/", r"/pt/biblioteca/\d+/[\w-]+/"),
        "en": FirstLink("/en/library/", r"/en/library/\d+/[\w-]+/"),
    },
    "webinar-index": {"pt": "/pt/webinars/", "en": "/en/webinars/"},
    "webinar": {
        "pt": "/pt/webinars/webinar-2021-02-01/",
        "en": "/en/webinars/webinar-2021-02-01/",
    },
    "search-results": {"pt": "/pt/pesquisa/?q=inovação", "en": "/en/search/?q=innovation"},
    "search-no-results": {"pt": "/pt/pesquisa/?q=zzxqj", "en": "/en/search/?q=zzxqj"},
    "glossary": {
        "pt": "/pt/compras-publicas-de-inovacao/glossario/",
        "en": "/en/public-procurement-of-innovation/glossary/",
    },
    "accessibility": {"pt": "/pt/acessibilidade/", "en": "/en/accessibility/"},
    "chooser-step": {
        "pt": "/pt/escolher-procedimento/?rd=no",
        "en": "/en/choose-a-procedure/?rd=no",
    },
    "chooser-result": {
        "pt": "/pt/escolher-procedimento/?rd=yes&scale=no&consulted=no&contract=works&value=250000",
        "en": "/en/choose-a-procedure/?rd=yes&scale=no&consulted=no&contract=works&value=250000",
    },
    "chooser-value": {
        "pt": "/pt/escolher-procedimento/?rd=no&market=yes&spec=no&consulted=no&contract=goods",
        "en": "/en/choose-a-procedure/?rd=no&market=yes&spec=no&consulted=no&contract=goods",
    },
    "support-request": {"pt": "/pt/pedir-apoio/", "en": "/en/ask-procure-i/"},
    "newsletter": {"pt": "/pt/newsletter/", "en": "/en/newsletter/"},
    "newsletter-archive": {"pt": "/pt/newsletter/arquivo/", "en": "/en/newsletter/archive/"},
    "not-found": {"pt": "/pt/pagina-que-nao-existe/", "en": "/en/no-such-page/"},
}

VISITS = [(name, language) for name in PAGE_TYPES for language in ("pt", "en")]


def resolve_all(base_url):
    """(page type, language) -> path on the running site."""
    return {
        (name, language): path if isinstance(path, str) else path.resolve(base_url)
        for name, paths in PAGE_TYPES.items()
        for language, path in paths.items()
    }


def fetch(url):
    """Status and body of a GET, error statuses included (the 404 page is one of the visits)."""
    try:
        with urllib.request.urlopen(quote(url, safe=":/?&=%")) as response:  # noqa: S310 (loopback)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
