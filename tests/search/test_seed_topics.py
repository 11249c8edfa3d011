"""The seed's topics are found in either language, with or without accents."""

import pytest

CASES = [
    ("pt", "parceria para a inovacao", "/pt/casos-de-estudo/frederiksberg/"),
    ("pt", "Mértola", "/pt/casos-de-estudo/mertola/"),
    ("pt", "consulta preliminar ao mercado", "/pt/perguntas-frequentes/"),
    ("pt", "estudo de mercado ISCTE", "/pt/compras-publicas-de-inovacao/estudo-de-mercado/"),
    ("pt", "protocolo IMPIC", "/pt/procure-i/parceria-ani-impic/"),
    ("en", "Marine-EO", "/en/case-studies/marine-eo/"),
    ("en", "Frederiksberg innovation partnership", "/en/case-studies/frederiksberg/"),
    ("en", "glossary", "/en/public-procurement-of-innovation/glossary/"),
    ("en", "step-by-step approach", "/en/modules/step-by-step-approach/"),
    ("en", "Justice workshop", "/en/seminars-and-workshops/"),
]


@pytest.mark.django_db
def test_seed_topics_find_their_pages(client, portal_content):
    for code, query, expected in CASES:
        path = "/pt/pesquisa/" if code == "pt" else "/en/search/"
        response = client.get(path, {"q": query})
        urls = [entry.url for entry in response.context["results"]]
        assert any(url.startswith(expected) for url in urls), (query, urls[:5])


@pytest.mark.django_db
def test_seed_documents_are_found_by_title_in_both_languages(client, portal_content):
    for code, query in (("pt", "Circular Procurement"), ("en", "Circular Procurement")):
        path = "/pt/pesquisa/" if code == "pt" else "/en/search/"
        results = client.get(path, {"q": query, "type": "document"}).context["results"]
        assert any("Circular Procurement" in entry.title for entry in results)
