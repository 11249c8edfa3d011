"""Every page type costs at most 8 queries as production serves it with the page cache off
(fragment cache on), and a fixed number rendered afresh, however many rows exist."""

import pytest

from tests.casestudies.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    SectorFactory,
)
from tests.documents.factories import (
    DocumentLibraryPageFactory,
    LibraryDocumentFactory,
    WebinarFactory,
    WebinarIndexPageFactory,
)
from tests.portal.factories import (
    AgreementFactory,
    ContentPageFactory,
    EventIndexPageFactory,
    EventReportPageFactory,
    FAQEntryFactory,
    FAQPageFactory,
    GlossaryPageFactory,
    GlossaryTermFactory,
    GuideIndexPageFactory,
    GuidePageFactory,
    ModuleIndexPageFactory,
    ModulePageFactory,
    OrganisationFactory,
    PartnershipPageFactory,
)
from tests.querycount import assert_page_budget


@pytest.fixture
def pt_home(homes):
    return homes["pt"]


def under(parent, factory, **kwargs):
    return factory(parent=parent, locale=parent.locale, **kwargs)


@pytest.mark.django_db
def test_document_library(client, pt_home):
    library = under(pt_home, DocumentLibraryPageFactory)
    LibraryDocumentFactory.create_batch(3)
    url = library.url + "?category=workshop_report&sort=title"
    grow = lambda: LibraryDocumentFactory.create_batch(30)  # noqa: E731
    # afresh: 3 fewer since the routing (the home page's locale and .specific) and the menu's
    # home page came from one query (core/routing.py)
    assert_page_budget(client, url, grow, cold_budget=14)


@pytest.mark.django_db
def test_document_page(client, pt_home):
    library = under(pt_home, DocumentLibraryPageFactory)
    document = LibraryDocumentFactory()
    url = library.document_url(document)
    assert_page_budget(client, url, lambda: LibraryDocumentFactory.create_batch(30))


@pytest.mark.django_db
def test_webinar_list_and_page(client, pt_home):
    index = under(pt_home, WebinarIndexPageFactory)
    webinar = WebinarFactory(slides=LibraryDocumentFactory())
    grow = lambda: WebinarFactory.create_batch(20, slides=LibraryDocumentFactory())  # noqa: E731
    assert_page_budget(client, index.url, grow)
    assert_page_budget(client, index.webinar_url(webinar), grow)


@pytest.mark.django_db
def test_faq_page(client, pt_home):
    faq = under(pt_home, FAQPageFactory)
    first = FAQEntryFactory.create_batch(2)
    first[0].related.add(first[1])
    first[0].save()  # a parental field is written on save

    def grow():
        for _ in range(10):
            entries = FAQEntryFactory.create_batch(2)
            entries[0].related.add(entries[1])
            entries[0].save()

    assert_page_budget(client, faq.url, grow)


@pytest.mark.django_db
def test_modules(client, pt_home):
    index = under(pt_home, ModuleIndexPageFactory)
    module = under(index, ModulePageFactory)
    module.documents = [("document", LibraryDocumentFactory())]
    module.save()
    assert_page_budget(
        client, index.url, lambda: [under(index, ModulePageFactory) for _ in range(10)]
    )

    def more_documents():
        module.documents = [("document", d) for d in LibraryDocumentFactory.create_batch(5)]
        module.save()

    assert_page_budget(client, module.url, more_documents)


@pytest.mark.django_db
def test_events(client, pt_home):
    index = under(pt_home, EventIndexPageFactory)
    under(index, EventReportPageFactory)
    assert_page_budget(
        client, index.url, lambda: [under(index, EventReportPageFactory) for _ in range(10)]
    )


@pytest.mark.django_db
def test_case_studies(client, pt_home):
    index = under(pt_home, CaseStudyIndexPageFactory)
    sector = SectorFactory()

    def add_cases(count):
        for _ in range(count):
            case = under(index, CaseStudyPageFactory)
            case.sectors.add(sector)
            case.save()

    add_cases(2)
    assert_page_budget(client, index.url, lambda: add_cases(20))
    assert_page_budget(client, index.url + f"?sector={sector.slug}&year=2017", lambda: add_cases(5))


@pytest.mark.django_db
def test_home_page(client, pt_home):
    under(pt_home, DocumentLibraryPageFactory)
    under(pt_home, WebinarIndexPageFactory)
    index = under(pt_home, CaseStudyIndexPageFactory)
    LibraryDocumentFactory.create_batch(3)
    WebinarFactory()

    under(pt_home, ContentPageFactory)  # in the menu

    def grow():
        LibraryDocumentFactory.create_batch(30)
        WebinarFactory.create_batch(10)
        for _ in range(10):
            under(index, CaseStudyPageFactory)
        for _ in range(27):  # the menu: one query per page type, not per page
            under(pt_home, ContentPageFactory)

    # afresh: 4 fewer since what is new (5 queries) and the language links (1) were cut, 3 more
    # since the routing read the home page in one query and the menu took it from there
    assert_page_budget(client, pt_home.url, grow, cold_budget=14)


def glossary_link(term):
    return f'<p>Ver <a href="#glossary-{term.slug}">{term.term_pt}</a>.</p>'


@pytest.mark.django_db
def test_content_and_glossary_pages(client, pt_home):
    terms = GlossaryTermFactory.create_batch(2)
    body = [("paragraph", "".join(glossary_link(term) for term in terms))]
    content = under(pt_home, ContentPageFactory, body=body)
    glossary = under(content, GlossaryPageFactory)
    under(content, ContentPageFactory)

    def grow():
        GlossaryTermFactory.create_batch(20)
        for _ in range(10):  # its subpages, listed on it
            under(content, ContentPageFactory)

    assert_page_budget(client, content.url, grow)
    assert_page_budget(client, glossary.url, grow)


@pytest.mark.django_db
def test_case_study_page(client, pt_home):
    index = under(pt_home, CaseStudyIndexPageFactory)
    case = under(index, CaseStudyPageFactory)
    case.sectors.add(SectorFactory(), SectorFactory())
    case.save()
    # The similar cases: one query a tier, up to three (casestudies/similar.py; here three: its
    # procedure and sectors are its own, so every case is scored), however many cases exist.
    grow = lambda: [under(index, CaseStudyPageFactory) for _ in range(20)]  # noqa: E731
    assert_page_budget(client, case.url, grow, cold_budget=15)


@pytest.mark.django_db
def test_partnership_page(client, pt_home):
    page = under(pt_home, PartnershipPageFactory)
    AgreementFactory(parties=OrganisationFactory.create_batch(2))

    def grow():
        AgreementFactory.create_batch(9, parties=OrganisationFactory.create_batch(20))

    assert_page_budget(client, page.url, grow)


@pytest.mark.django_db
def test_search_results(client, pt_home):
    under(pt_home, DocumentLibraryPageFactory)
    LibraryDocumentFactory.create_batch(3)
    grow = lambda: LibraryDocumentFactory.create_batch(30)  # noqa: E731
    # Afresh, PostgreSQL reads the words as tsqueries before ranking (search/query.py): 12.
    assert_page_budget(client, "/pt/pesquisa/?q=relatório", grow, cold_budget=12)


@pytest.mark.django_db
def test_search_results_of_every_kind(client, pt_home):
    """Pages, documents, FAQ answers and glossary terms on one results page: one of each kind
    has the words in its title and stays on the first page, more of each come below it."""
    under(pt_home, DocumentLibraryPageFactory)
    under(pt_home, FAQPageFactory)
    under(pt_home, GlossaryPageFactory)
    title = "Inovação aberta"
    under(pt_home, ContentPageFactory, title=title)
    LibraryDocumentFactory(title_pt=title)
    FAQEntryFactory(question_pt=title, live=True)
    GlossaryTermFactory(term_pt=title)
    text = "Fala também de inovação aberta."

    def grow():
        for _ in range(3):
            under(pt_home, ContentPageFactory, intro=text)
        LibraryDocumentFactory.create_batch(3, description_pt=text)
        FAQEntryFactory.create_batch(3, short_answer_pt=text, live=True)
        GlossaryTermFactory.create_batch(3, definition_pt=text)

    grow()
    assert_page_budget(client, "/pt/pesquisa/?q=inovação+aberta", grow)


@pytest.mark.django_db
def test_buyer_tools(client, pt_home):
    from tests.buyers.factories import (
        NewsletterPageFactory,
        ProcedureChooserPageFactory,
        SupportRequestPageFactory,
    )

    index = under(pt_home, CaseStudyIndexPageFactory)
    chooser = under(pt_home, ProcedureChooserPageFactory)
    support = under(pt_home, SupportRequestPageFactory)
    newsletter = under(pt_home, NewsletterPageFactory)
    grow = lambda: [under(index, CaseStudyPageFactory) for _ in range(10)]  # noqa: E731
    result = chooser.url + "?rd=no&market=no&spec=no&consulted=no&contract=works&value=9000"
    for url in (chooser.url, result, support.url, newsletter.url, pt_home.url):
        assert_page_budget(client, url, grow)


@pytest.mark.django_db
def test_guides(client, pt_home):
    index = under(pt_home, GuideIndexPageFactory)
    guide = under(index, GuidePageFactory)
    assert_page_budget(
        client, index.url, lambda: [under(index, GuidePageFactory) for _ in range(10)]
    )

    def more_sources():
        guide.legal_basis = [("source", guide.legal_basis[0].value) for _ in range(10)]
        guide.save()

    assert_page_budget(client, guide.url, more_sources)
