"""A small bilingual site with one public and one restricted item of each kind, for the
visibility tests: every public channel must show the open one and hide the secret one."""

import json
import re

from django.urls import reverse
from django.utils import translation

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from search import indexing as search_index
from tests.casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from tests.documents.factories import (
    DocumentLibraryPageFactory,
    LibraryDocumentFactory,
    WebinarFactory,
    WebinarIndexPageFactory,
)
from tests.portal.factories import ContentPageFactory

# Each secret item's titles hold one of these words; nothing public does.
SECRET_WORDS = ("xilofone", "xylophone")
SECRET_QUERY = {"pt": "xilofone", "en": "xylophone"}
OPEN_QUERY = {"pt": "girassol", "en": "sunflower"}
SEARCH = {"pt": "/pt/pesquisa/", "en": "/en/search/"}
PASSWORD = "segredo"


def restrict(kind, **target):
    """A view restriction of that kind ("login" or "password") on a collection or a page."""
    model = CollectionViewRestriction if "collection" in target else PageViewRestriction
    return model.objects.create(
        restriction_type=kind, password=PASSWORD if kind == "password" else "", **target
    )


def shows_secret(response):
    text = b"".join(response) if response.streaming else response.content
    return any(word in text.decode().lower() for word in SECRET_WORDS)


def shows_open(response):
    text = (b"".join(response) if response.streaming else response.content).decode().lower()
    return "girassol" in text or "sunflower" in text


def whole_sitemap(client):
    """The sitemap index and every page of every section it lists, as one text."""
    index = client.get("/sitemap.xml").content.decode()
    parts = [index]
    for loc in re.findall(r"<loc>([^<]+)</loc>", index):
        response = client.get(loc.replace("http://testserver", ""))
        assert response.status_code == 200, loc
        parts.append(response.content.decode())
    return "\n".join(parts)


def url_in(code, name):
    with translation.override(code):
        return reverse(name)


def search_titles(client, code, query):
    response = client.get(SEARCH[code], {"q": query})
    assert response.status_code == 200
    return [entry.title for entry in response.context["results"]]


def suggested_titles(client, code, query):
    response = client.get(url_in(code, "search_suggest"), {"q": query})
    assert response.status_code == 200
    return response.json()["titles"]


def document_links(documents):
    return json.dumps([{"type": "document", "value": d.pk} for d in documents])


def document_link_blocks(documents):
    return json.dumps(
        [{"type": "document_link", "value": {"document": d.pk, "label": ""}} for d in documents]
    )


def build_site(homes, translated_pair):
    """Library, webinars, case studies and a guidance page in PT and EN, with open items."""
    private = Collection.get_first_root_node().add_child(name="Interno")
    minutes = private.add_child(name="Atas")  # restricted through its parent
    open_doc = LibraryDocumentFactory(
        title="Relatório girassol", title_en="Sunflower report", published_year=2023
    )
    secret_doc = LibraryDocumentFactory(
        title="Relatório xilofone",
        title_en="Xylophone report",
        description_pt="Ata interna xilofone.",
        description_en="Internal xylophone minutes.",
        published_year=1999,
        collection=minutes,
    )
    site = {
        "homes": homes,
        "private": private,
        "open_doc": open_doc,
        "secret_doc": secret_doc,
        "library": translated_pair(DocumentLibraryPageFactory, "library"),
        "webinars": translated_pair(WebinarIndexPageFactory, "webinars"),
        "cases": translated_pair(CaseStudyIndexPageFactory, "cases"),
        "guide": translated_pair(
            ContentPageFactory,
            "guide",
            title="Guia girassol",
            body=document_link_blocks([open_doc, secret_doc]),
        ),
    }
    site["webinar"] = WebinarFactory(slides=secret_doc)
    site["open_case"] = {
        code: CaseStudyPageFactory(
            parent=index,
            locale=index.locale,
            title=f"Caso girassol {code}",
            documents=document_links([open_doc, secret_doc]),
        )
        for code, index in site["cases"].items()
    }
    return site


def restricted_pages(site, kind):
    """A restricted guidance page and case study in each language, published and restricted."""
    pages = {}
    for code, home in site["homes"].items():
        page = ContentPageFactory(
            parent=home, locale=home.locale, title=f"Página xilofone {code}", slug=f"x-{code}"
        )
        case = CaseStudyPageFactory(
            parent=site["cases"][code],
            locale=home.locale,
            title=f"Caso xilofone {code}",
            procedure_type=site["open_case"][code].procedure_type,
        )
        for restricted in (page, case):
            restrict(kind, page=restricted)
            restricted.save_revision().publish()
        pages[code] = {"page": page, "case": case}
    return pages


def index_everything():
    search_index.rebuild()
