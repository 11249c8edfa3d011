"""What an editor may add under each page: every page type states its place in the tree.

The table is the rule, one row per page type: a new page type adds its row (and the rows of
the types it goes under), and the test derives everything else from it.
"""

from wagtail.models import Page, get_page_models

import pytest

# Page type: the page types an editor may add under a page of that type.
MAY_ADD_UNDER = {
    "wagtailcore.Page": {"portal.HomePage"},  # the tree's root: a site's home page, per language
    "portal.HomePage": {
        "portal.ContentPage",
        "portal.FAQPage",
        "portal.GlossaryPage",
        "portal.PartnershipPage",
        "portal.ModuleIndexPage",
        "portal.EventIndexPage",
        "portal.GuideIndexPage",
        "casestudies.CaseStudyIndexPage",
        "documents.DocumentLibraryPage",
        "documents.WebinarIndexPage",
        "buyers.ProcedureChooserPage",
        "buyers.SupportRequestPage",
        "buyers.NewsletterPage",
    },
    "portal.ContentPage": {
        "portal.ContentPage",
        "portal.FAQPage",
        "portal.GlossaryPage",
        "portal.PartnershipPage",
    },
    "portal.ModuleIndexPage": {"portal.ModulePage"},
    "portal.EventIndexPage": {"portal.EventReportPage"},
    "portal.GuideIndexPage": {"portal.GuidePage"},
    "casestudies.CaseStudyIndexPage": {"casestudies.CaseStudyPage"},
    # Leaves: their entries are records or routes (documents, webinars, terms), not pages.
    "portal.FAQPage": set(),
    "portal.GlossaryPage": set(),
    "portal.PartnershipPage": set(),
    "portal.ModulePage": set(),
    "portal.EventReportPage": set(),
    "portal.GuidePage": set(),
    "casestudies.CaseStudyPage": set(),
    "documents.DocumentLibraryPage": set(),
    "documents.WebinarIndexPage": set(),
    "buyers.ProcedureChooserPage": set(),
    "buyers.SupportRequestPage": set(),
    "buyers.NewsletterPage": set(),
}
PAGE_TYPES = {model._meta.label: model for model in get_page_models()}


def offered_under(parent):
    """The page types the admin offers under this page ("Add child page")."""
    return {
        model._meta.label
        for model in parent.specific_class.creatable_subpage_models()
        if model.can_create_at(parent)
    }


def test_the_table_has_a_row_for_every_page_type():
    assert set(MAY_ADD_UNDER) == set(PAGE_TYPES)


def test_every_page_type_of_the_project_states_its_children():
    for label, model in PAGE_TYPES.items():
        if label == "wagtailcore.Page":
            continue
        assert "subpage_types" in vars(model), f"{label} states no subpage_types"


@pytest.mark.django_db
def test_the_root_offers_only_a_home_page():
    assert offered_under(Page.get_first_root_node()) == MAY_ADD_UNDER["wagtailcore.Page"]


@pytest.mark.django_db
@pytest.mark.parametrize("label", sorted(set(MAY_ADD_UNDER) - {"wagtailcore.Page"}))
def test_an_editor_is_offered_exactly_the_types_of_the_table(label):
    """Under a saved page of each type (below a home page), the admin's own rule."""
    parent = Page.get_first_root_node().add_child(
        instance=PAGE_TYPES["portal.HomePage"](title="Home", slug="home-tree")
    )
    if label != "portal.HomePage":
        parent = parent.add_child(instance=Page(title="Holder", slug="holder"))
        page = PAGE_TYPES[label](title=label, slug="under-test")
        page = parent.add_child(instance=page)
    else:
        page = parent
    assert offered_under(page) == MAY_ADD_UNDER[label]


@pytest.mark.django_db
def test_a_section_page_is_not_offered_under_a_page_of_another_type(client, admin_user):
    """What the admin's "add child page" screen lists, for a case study index."""
    home = Page.get_first_root_node().add_child(
        instance=PAGE_TYPES["portal.HomePage"](title="Home", slug="home-tree")
    )
    index = home.add_child(
        instance=PAGE_TYPES["casestudies.CaseStudyIndexPage"](title="Cases", slug="cases")
    )
    client.force_login(admin_user)
    # One allowed type: Wagtail goes straight to its create form.
    response = client.get(f"/admin/pages/{index.pk}/add_subpage/")
    assert response.status_code == 302
    assert "/add/casestudies/casestudypage/" in response["Location"]
    html = client.get(f"/admin/pages/{home.pk}/add_subpage/").content.decode()
    assert "/add/documents/documentlibrarypage/" in html
    assert "/add/casestudies/casestudypage/" not in html
