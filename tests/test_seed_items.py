"""Everything the seed names is in the portal, in both languages, reachable from the menu."""

import tomllib

from django.conf import settings

from wagtail.models import Page

import pytest

from documents.models import LibraryDocument, Webinar
from portal.models import FAQEntry

FIXTURES = settings.BASE_DIR / "fixtures"
SEED_DOCUMENT_KEYS = {
    "faq-ppi", "strategic-module", "step-by-step-module", "seminar-2019-summary",
    "seminar-2019-good-practices", "p2i-factsheet", "procure-i-services",
    "webinar-2020-10-13-slides", "webinar-2020-12-01-slides", "circular-procurement-8-steps",
    "workshop-h2020-pcp", "workshop-justice-2023", "workshop-lisbon-2023",
    "service-test-workshops", "service-test-good-practices", "project-file",
    "case-study-base-sheet", "case-study-marine-eo", "case-study-frederiksberg",
    "case-study-mertola", "market-study", "article-ppi-economic-development",
}  # fmt: skip
# Issue 25: the editable templates, each in DOCX and (key + "-odt") ODT, per language.
TEMPLATE_DOCUMENT_KEYS = {
    f"template-{name}-{code}{suffix}"
    for name in ("consultation-notice", "consultation-questionnaire",
                 "functional-specification", "ip-clauses")
    for code in ("pt", "en")
    for suffix in ("", "-odt")
}  # fmt: skip
MENU = {
    "pt": ["/pt/perguntas-frequentes/", "/pt/modulos/", "/pt/seminarios-e-workshops/",
           "/pt/casos-de-estudo/", "/pt/biblioteca/", "/pt/webinars/", "/pt/guias/"],
    "en": ["/en/faq/", "/en/modules/", "/en/seminars-and-workshops/", "/en/case-studies/",
           "/en/library/", "/en/webinars/", "/en/guides/"],
}  # fmt: skip


def page_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.django_db
def test_every_seed_document_exists_with_a_real_file(portal_content):
    documents = {d.import_key: d for d in LibraryDocument.objects.all()}
    assert set(documents) >= SEED_DOCUMENT_KEYS
    for key in SEED_DOCUMENT_KEYS:
        document = documents[key]
        assert document.title_pt and document.title_en and document.description_en
        assert document.file_size > 500
        with document.file.open("rb") as handle:
            assert handle.read(5) == b"%PDF-"


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_every_seed_document_is_listed_in_the_library(client, portal_content, code):
    library = "/pt/biblioteca/" if code == "pt" else "/en/library/"
    html = page_html(client, library) + page_html(client, library + "?page=2")
    for document in LibraryDocument.objects.filter(import_key__in=SEED_DOCUMENT_KEYS):
        title = getattr(document, f"title_{code}")
        assert title.replace("“", "&ldquo;") in html or title in html.replace("&#x27;", "'"), title


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_the_menu_reaches_every_section(client, portal_content, code):
    home = page_html(client, f"/{code}/")
    for url in MENU[code]:
        assert f'href="{url}"' in home
        page_html(client, url)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_the_three_webinars(client, portal_content, code):
    html = page_html(client, MENU[code][5])
    dates = ("13 de outubro de 2020", "1 de dezembro de 2020", "1 de fevereiro de 2021")
    if code == "en":
        dates = ("13 October 2020", "1 December 2020", "1 February 2021")
    for date in dates:
        assert date in html
    assert Webinar.objects.count() == 3
    for webinar in Webinar.objects.all():
        page_html(client, f"{MENU[code][5]}{webinar.slug}/")


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_events_modules_and_cases_of_the_seed(client, portal_content, code):
    for index_url, expected in (
        (MENU[code][1], 2),
        (MENU[code][2], 4),
        (MENU[code][3], 3),
    ):
        index = Page.objects.get(url_path__endswith=index_url[3:], locale__language_code=code)
        children = index.get_children().live()
        assert children.count() == expected
        html = page_html(client, index_url)
        for child in children:
            assert child.url in html
            page_html(client, child.url)


@pytest.mark.django_db
def test_faq_has_the_seed_questions_and_at_least_eight_more(client, portal_content):
    keys = set(FAQEntry.objects.values_list("slug", flat=True))
    assert {"what-is-ppi", "first-steps", "open-market-consultation", "what-is-rd"} <= keys
    assert len(keys) >= 12
    for entry in FAQEntry.objects.all():
        assert entry.question_pt and entry.question_en
        assert entry.short_answer_pt and entry.short_answer_en
    for code in ("pt", "en"):
        html = page_html(client, MENU[code][0])
        for entry in FAQEntry.objects.all():
            assert f'id="{entry.slug}"' in html


@pytest.mark.django_db
def test_fixture_files_match_the_document_list():
    entries = tomllib.loads((FIXTURES / "documents.toml").read_text("utf-8"))["document"]
    assert {entry["key"] for entry in entries} == SEED_DOCUMENT_KEYS | TEMPLATE_DOCUMENT_KEYS
    for entry in entries:
        assert (FIXTURES / "files" / entry.get("file", f"{entry['key']}.pdf")).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_market_study_page_links_the_study_and_the_article(client, portal_content, code):
    url = (
        "/pt/compras-publicas-de-inovacao/estudo-de-mercado/"
        if code == "pt"
        else "/en/public-procurement-of-innovation/market-study/"
    )
    html = page_html(client, url)
    for key in ("market-study", "article-ppi-economic-development"):
        assert LibraryDocument.objects.get(import_key=key).url in html
    assert "ISCTE" in html.upper() and "LNEG" in html


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_home_shows_latest_documents_webinar_and_cases(client, portal_content, code):
    response = client.get(f"/{code}/")
    assert len(response.context["latest_documents"]) == 5
    assert response.context["webinar"].slug == "webinar-2021-02-01"
    assert len(response.context["featured_cases"]) == 3
    html = response.content.decode()
    for case in response.context["featured_cases"]:
        assert case.url in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "links"),
    [
        ("pt", ["/pt/acessibilidade/", "/pt/privacidade/"]),
        ("en", ["/en/accessibility/", "/en/privacy/"]),
    ],
)
def test_every_page_links_the_accessibility_statement_and_privacy_notice(
    client, portal_content, code, links
):
    for url in (f"/{code}/", links[0], MENU[code][4]):
        footer = page_html(client, url).split('class="site-footer"')[1]
        for link in links:
            assert f'href="{link}"' in footer
    statement = page_html(client, links[0])
    assert "83/2018" in statement and "2016/2102" in statement


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "labels"),
    [
        ("pt", ["Compras de inovação", "FAQ", "Biblioteca", "Escolher procedimento"]),
        ("en", ["Innovation procurement", "FAQ", "Library", "Choose a procedure"]),
    ],
)
def test_the_menu_uses_short_titles(client, portal_content, code, labels):
    nav = page_html(client, f"/{code}/").split('<nav class="main-nav"')[1].split("</nav>")[0]
    for label in labels:
        assert f">{label}</a>" in nav
    assert ">Procure+i</a>" in nav  # no menu title: the page title
