"""A page or a collection moved under a restricted one leaves search, feeds, sitemap and
listings at once (cached pages too), with everything below it, and comes back when moved out;
in code (Page.move, Collection.move) and in the admin. Restricted files are private to caches."""

from django.test import Client
from django.urls import reverse

from wagtail.models import Collection

import pytest

from tests.casestudies.factories import CaseStudyPageFactory
from tests.portal.factories import ContentPageFactory
from tests.security.visibility_site import (
    SECRET_QUERY,
    build_site,
    index_everything,
    restrict,
    search_titles,
    shows_secret,
    url_in,
    whole_sitemap,
)

pytestmark = pytest.mark.django_db
LANGUAGES = ("pt", "en")


@pytest.fixture
def open_site(homes, translated_pair, settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.FRAGMENT_CACHE_SECONDS = 600
    site = build_site(homes, translated_pair)
    for code, index in site["cases"].items():
        case = CaseStudyPageFactory(
            parent=index,
            locale=index.locale,
            title=f"Caso zimbório {code}",
            slug=f"zimborio-{code}",
        )
        case.save_revision().publish()
        site.setdefault("secret_case", {})[code] = case
    index_everything()
    return site


@pytest.fixture
def admin_client(django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("chefe", "c@example.pt", "pw"))
    return client


def shows_case(response):
    text = b"".join(response) if response.streaming else response.content
    return "zimbório" in text.decode().lower()


def seen_case(client, site):
    """Where each language's moved case study shows: search, feed, case listing, sitemap."""
    seen = []
    for code in LANGUAGES:
        seen.append(bool(search_titles(client, code, "zimbório")))
        seen.append(shows_case(client.get(url_in(code, "feed_case_studies"))))
        seen.append(shows_case(client.get(site["cases"][code].url)))
    seen.append("zimborio" in whole_sitemap(client))
    return seen


def seen_document(client, site):
    """Where the document of the moved collection shows: search, feeds, library, a guide."""
    seen = []
    for code in LANGUAGES:
        seen.append(bool(search_titles(client, code, SECRET_QUERY[code])))
        seen.append(shows_secret(client.get(url_in(code, "feed_documents"))))
        seen.append(shows_secret(client.get(site["library"][code].url)))
        seen.append(shows_secret(client.get(site["guide"][code].url)))
    return seen


def restricted_sections(site, kind="login"):
    sections = {}
    for code, home in site["homes"].items():
        sections[code] = ContentPageFactory(
            parent=home, locale=home.locale, title=f"Reservado {code}", slug=f"reservado-{code}"
        )
        sections[code].save_revision().publish()
        restrict(kind, page=sections[code])
    return sections


@pytest.mark.parametrize("kind", ["login", "password"])
def test_page_moved_in_code_under_a_restricted_page_and_back(
    client, open_site, kind, django_capture_on_commit_callbacks
):
    assert all(seen_case(client, open_site))  # and now in the page cache
    with django_capture_on_commit_callbacks(execute=True):
        sections = restricted_sections(open_site, kind)
    with django_capture_on_commit_callbacks(execute=True):
        for code, case in open_site["secret_case"].items():
            case.move(sections[code], "last-child")
    assert not any(seen_case(client, open_site))
    with django_capture_on_commit_callbacks(execute=True):
        for code, case in open_site["secret_case"].items():
            case.refresh_from_db()
            case.move(open_site["cases"][code], "last-child")
    assert all(seen_case(client, open_site))


def test_a_section_moved_in_the_admin_takes_its_subtree_along(
    client, admin_client, open_site, django_capture_on_commit_callbacks
):
    """A guidance section with a child page, moved under a restricted page and back."""
    with django_capture_on_commit_callbacks(execute=True):
        sections = restricted_sections(open_site)
    moved = {}
    for code, home in open_site["homes"].items():
        moved[code] = ContentPageFactory(
            parent=home, locale=home.locale, title=f"Secção {code}", slug=f"seccao-{code}"
        )
        moved[code].save_revision().publish()
        child = ContentPageFactory(
            parent=moved[code], locale=home.locale, title=f"Zimbório filho {code}", slug=f"f-{code}"
        )
        child.save_revision().publish()

    def found():
        titles = {code: search_titles(client, code, "zimbório filho") for code in LANGUAGES}
        return [sum(t.startswith("Zimbório filho") for t in titles[code]) for code in LANGUAGES]

    assert found() == [1, 1]
    for code in LANGUAGES:
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(
                reverse("wagtailadmin_pages:move_confirm", args=[moved[code].pk, sections[code].pk])
            )
        assert response.status_code == 302
    assert found() == [0, 0]
    assert "seccao-" not in whole_sitemap(client)
    for code in LANGUAGES:
        with django_capture_on_commit_callbacks(execute=True):
            admin_client.post(
                reverse(
                    "wagtailadmin_pages:move_confirm",
                    args=[moved[code].pk, open_site["homes"][code].pk],
                )
            )
    assert found() == [1, 1]


def test_collection_moved_in_code_under_a_restricted_one_and_back(
    client, open_site, django_capture_on_commit_callbacks
):
    root = Collection.get_first_root_node()
    assert all(seen_document(client, open_site))  # and now in the page cache
    with django_capture_on_commit_callbacks(execute=True):
        reserved = root.add_child(name="Reservado")
        restrict("login", collection=reserved)
    with django_capture_on_commit_callbacks(execute=True):
        open_site["private"].move(reserved, "sorted-child")
    assert not any(seen_document(client, open_site))
    with django_capture_on_commit_callbacks(execute=True):
        Collection.objects.get(pk=open_site["private"].pk).move(root, "sorted-child")
    assert all(seen_document(client, open_site))


def test_collection_moved_in_the_admin_under_a_restricted_one_and_back(
    client, admin_client, open_site, django_capture_on_commit_callbacks
):
    root = Collection.get_first_root_node()
    reserved = root.add_child(name="Reservado")
    restrict("password", collection=reserved)
    edit = reverse("wagtailadmin_collections:edit", args=[open_site["private"].pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(edit, {"name": "Interno", "parent": reserved.pk})
    assert response.status_code == 302
    assert not any(seen_document(client, open_site))
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(edit, {"name": "Interno", "parent": root.pk})
    assert all(seen_document(client, open_site))


def test_restricted_files_are_private_to_caches(client, django_user_model, open_site):
    restrict("login", collection=open_site["private"])
    secret, public = open_site["secret_doc"], open_site["open_doc"]
    secret_url = reverse("wagtaildocs_serve", args=[secret.pk, secret.filename])
    refused = client.get(secret_url)  # sent to sign in
    assert refused.status_code == 302
    assert "private" in refused["Cache-Control"]
    client.force_login(django_user_model.objects.create_user("leitor", password="x"))
    served = client.get(secret_url)
    assert served.status_code == 200
    assert "private" in served["Cache-Control"]
    assert "Cookie" in served["Vary"]
    public_file = client.get(reverse("wagtaildocs_serve", args=[public.pk, public.filename]))
    assert public_file.status_code == 200
    assert "private" not in public_file.get("Cache-Control", "")
