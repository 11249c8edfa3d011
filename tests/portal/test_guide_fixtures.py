"""The practical guides of fixtures/pages: loaded in both languages, listed, in the sitemap and
found by search, each with its review date and a legal basis."""

import re

from wagtail.models import Page

import pytest

from ops.content_loader import translation_key
from portal.models import GuidePage

# key: (PT search query, EN search query); each must find that guide.
GUIDES = {
    "guide-thresholds": ("limiares consulta prévia ajuste direto", "thresholds direct award"),
    "guide-market-consultation": (
        "consulta preliminar ao mercado",
        "preliminary market consultation",
    ),
    "guide-award-criteria": ("critérios de adjudicação inovação", "award criteria innovation"),
    "guide-pcp-portugal": (
        "contratação pré-comercial auxílios de Estado",
        "pre-commercial procurement State aid",
    ),
    "guide-intellectual-property": ("propriedade intelectual", "intellectual property"),
}
REVIEWED = {"pt": "Revisto em 6 de dezembro de 2026", "en": "Last reviewed 6 December 2026"}
NOT_ADVICE = {"pt": "Orientação, não aconselhamento jurídico", "en": "not legal advice"}


def guide(key, code):
    return GuidePage.objects.get(translation_key=translation_key(key), locale__language_code=code)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_each_guide_renders_with_review_date_and_legal_basis(client, portal_content, code):
    reviewed = (
        "Revisto em 6 de dezembro de 2026" if code == "pt" else "Last reviewed 6 December 2026"
    )
    basis = "Base legal" if code == "pt" else "Legal basis"
    index = Page.objects.get(translation_key=translation_key("guides"), locale__language_code=code)
    listing = client.get(index.url).content.decode()
    for key in GUIDES:
        page = guide(key, code)
        assert page.url in listing, key
        html = client.get(page.url).content.decode()
        text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
        assert reviewed in text, key
        assert f'<h2 id="legal-basis">{basis}</h2>' in html, key
        assert page.legal_sources(), key
        # each guide links the FAQ and the procedure chooser of its own language
        for other in ("faq", "procedure-chooser"):
            target = Page.objects.get(
                translation_key=translation_key(other), locale__language_code=code
            )
            assert f'href="{target.url}"' in html, (key, other)
        assert (
            "Orientação, não aconselhamento jurídico" if code == "pt" else "not legal advice"
        ) in html


@pytest.mark.django_db
def test_guides_are_in_the_sitemap(client, portal_content):
    sitemap = client.get("/sitemap-pages.xml").content.decode()
    for key in GUIDES:
        for code in ("pt", "en"):
            assert f"http://testserver{guide(key, code).url}</loc>" in sitemap, (key, code)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_a_query_in_each_language_finds_each_guide(client, portal_content, code):
    path = "/pt/pesquisa/" if code == "pt" else "/en/search/"
    for key, queries in GUIDES.items():
        query = queries[0] if code == "pt" else queries[1]
        results = client.get(path, {"q": query}).context["results"]
        urls = [entry.url for entry in results][:10]
        assert guide(key, code).url in urls, (query, urls)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_guides_link_the_templates_in_the_page_language(client, portal_content, code):
    from documents.models import LibraryDocument

    expected = {
        "guide-market-consultation": [
            "template-consultation-notice",
            "template-consultation-questionnaire",
        ],
        "guide-award-criteria": ["template-functional-specification"],
        "guide-pcp-portugal": ["template-functional-specification", "template-ip-clauses"],
        "guide-intellectual-property": ["template-ip-clauses"],
    }
    for key, templates in expected.items():
        html = client.get(guide(key, code).url).content.decode()
        for template in templates:
            document = LibraryDocument.objects.get(import_key=f"{template}-{code}")
            assert document.url in html, (key, template)
            assert "DOCX" in html, key
