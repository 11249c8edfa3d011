"""Each page type, built by its factory, renders in both languages (query budgets: tests/perf/
test_query_budgets.py)."""

import pytest

from portal.models import ContentPage, HomePage, PartnershipPage
from tests.documents.factories import LibraryDocumentFactory
from tests.html import read_page
from tests.portal.factories import (
    AgreementFactory,
    ContentPageFactory,
    OrganisationFactory,
    PartnershipPageFactory,
)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_each_page_type_renders(client, homes, code):
    home = homes[code]
    content = ContentPageFactory(parent=home, locale=home.locale, title=f"Guia {code}")
    partnership = PartnershipPageFactory(parent=content, locale=home.locale)
    for page, model in ((home, HomePage), (content, ContentPage), (partnership, PartnershipPage)):
        response = client.get(page.url)
        assert response.status_code == 200
        assert isinstance(response.context["page"], model)
        assert read_page(response).lang == code
        assert b"Good to know" in response.content  # the factory's callout block


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_partnership_page_lists_organisations_by_role_in_the_page_language(client, homes, code):
    ani = OrganisationFactory(
        acronym="ANI",
        name_pt="Agência Nacional de Inovação",
        name_en="National Innovation Agency",
        role="initiative",
    )
    impic = OrganisationFactory(acronym="IMPIC", role="partner")
    AgreementFactory(parties=[ani, impic])
    page = PartnershipPageFactory(parent=homes[code], locale=homes[code].locale)
    html = client.get(page.url).content.decode()
    name = ani.name_pt if code == "pt" else ani.name_en
    assert name in html
    assert ("Protocolo de colaboração" if code == "pt" else "Collaboration protocol") in html
    assert ("Iniciativa" if code == "pt" else "Initiative") in html
    assert "ANI, IMPIC" in html


@pytest.mark.django_db
def test_link_blocks_show_target_and_file_type_and_size(client, homes):
    document = LibraryDocumentFactory(title_pt="Relatório")
    target = ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale, title="Destino")
    page = ContentPageFactory(
        parent=homes["pt"],
        locale=homes["pt"].locale,
        body=[
            ("page_link", {"page": target, "label": ""}),
            ("document_link", {"document": document, "label": "Descarregar o relatório"}),
        ],
    )
    html = client.get(page.url).content.decode()
    assert f'<a href="{target.url}">Destino</a>' in html
    assert "Descarregar o relatório" in html
    assert "(PDF, 2,0\xa0KB, " in html
