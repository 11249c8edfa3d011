"""After a change, the pages most asked for are already in the new version's page cache."""

from django.utils import translation

from wagtail.models import Page

import pytest

from core.models import ContentVersion
from core.page_warmup import CHANGED_PAGES_LIMIT, warm_pages, warm_paths
from documents.models import DocumentLibraryPage
from portal.models import ContentPage, ModulePage, Organisation

HEADER = "X-Page-Cache"


@pytest.fixture
def cached(settings, portal_content, empty_cache):
    settings.PAGE_CACHE_SECONDS = 600


def publish(page):
    page = page.specific
    page.title = f"{page.title} (revisto)"
    page.save_revision().publish()
    return page


def first_module(code):
    """A page two levels below its home: its parent and the home are its ancestors."""
    return ModulePage.objects.filter(locale__language_code=code, depth=4).order_by("path").first()


def libraries():
    return [library.url for library in DocumentLibraryPage.objects.order_by("path")]


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_the_first_visits_after_a_publish_are_hits(client, cached, changes, code):
    module = first_module(code)
    changes(lambda: publish(module))

    for url in [module.url, module.get_parent().url, "/pt/", "/en/", *libraries()]:
        response = client.get(url)
        assert response[HEADER] == "hit", url
    assert "(revisto)" in client.get(module.url).content.decode()


@pytest.mark.django_db
def test_a_change_to_a_record_warms_the_homes_and_libraries(client, cached, changes):
    def edit():
        organisation = Organisation.objects.order_by("pk").first()
        organisation.name_pt = "Nome alterado"
        organisation.save()

    changes(edit)
    for url in ["/pt/", "/en/", *libraries()]:
        assert client.get(url)[HEADER] == "hit", url


@pytest.mark.django_db
def test_many_saves_in_one_transaction_bump_once_and_warm_each_page(client, cached, changes):
    pages = list(ContentPage.objects.filter(locale__language_code="pt").order_by("pk")[:3])
    before = ContentVersion.stored()
    changes(lambda: [publish(page) for page in pages])
    assert ContentVersion.stored() == before + 1
    for page in pages:  # the first visitor already gets the new version, from the cache
        response = client.get(page.url)
        assert response[HEADER] == "hit", page.url
        assert "(revisto)" in response.content.decode()


@pytest.mark.django_db
def test_a_saved_draft_bumps_nothing_and_its_publish_once(client, cached, changes):
    module = first_module("pt").specific
    warm_pages.call(ContentVersion.current(), [])
    before = ContentVersion.stored()
    module.title = "Rascunho"
    changes(module.save_revision)
    assert ContentVersion.stored() == before
    assert client.get("/pt/")[HEADER] == "hit"  # nothing a visitor sees has changed
    changes(module.get_latest_revision().publish)
    assert ContentVersion.stored() == before + 1
    assert "Rascunho" in client.get(module.url).content.decode()


@pytest.mark.django_db
def test_a_bulk_load_warms_a_bounded_number_of_its_pages(client, cached, changes):
    pages = list(Page.objects.filter(depth__gt=2).order_by("pk"))
    assert len(pages) > CHANGED_PAGES_LIMIT
    changes(lambda: [page.save() for page in pages])
    warmed, beyond = pages[:CHANGED_PAGES_LIMIT], pages[CHANGED_PAGES_LIMIT:]
    for page in warmed:
        assert client.get(page.url)[HEADER] == "hit", page.url
    # A page past the limit that no warmed page leads to (not a home, library or ancestor).
    always = set(warm_paths([page.pk for page in warmed]))
    cold = next(page for page in beyond if page.url not in always)
    assert client.get(cold.url)[HEADER] == "miss"  # rendered on its first visit instead


@pytest.mark.django_db
def test_with_the_page_cache_off_a_visitor_gets_the_page_rendered_afresh(
    client, portal_content, changes, settings, empty_cache
):
    assert settings.PAGE_CACHE_SECONDS == 0
    page = ContentPage.objects.filter(locale__language_code="pt").order_by("pk").first()
    client.get(page.url)
    changes(lambda: publish(page))
    response = client.get(page.url)
    assert HEADER not in response  # nothing stored, nothing warmed
    assert "(revisto)" in response.content.decode()


@pytest.mark.django_db
def test_a_task_of_an_older_version_warms_only_its_changed_pages(client, cached):
    module = first_module("pt")
    warm_pages.call(ContentVersion.current() - 1, [module.pk])
    assert client.get(module.url)[HEADER] == "hit"
    assert client.get("/en/")[HEADER] == "miss"  # the current version's task warms the rest


@pytest.mark.django_db
def test_the_addresses_are_public_pages_each_once(cached):
    module = first_module("pt")
    paths = warm_paths([module.pk])
    assert paths[:3] == [module.url, module.get_parent().url, "/pt/"]
    assert len(paths) == len(set(paths))
    assert {"/en/", *libraries()} <= set(paths)
    module.unpublish()
    assert module.url not in warm_paths([module.pk])


@pytest.mark.django_db
def test_the_key_is_a_visitors_behind_the_production_proxy(client, cached, settings):
    """https and the public host name, as nginx forwards them, compute the same key."""
    settings.WAGTAILADMIN_BASE_URL = "https://portal.example.pt/"
    settings.ALLOWED_HOSTS = ["portal.example.pt"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    warm_pages.call(ContentVersion.current(), [])
    visitor = {"HTTP_HOST": "portal.example.pt", "HTTP_X_FORWARDED_PROTO": "https"}
    assert client.get("/pt/", **visitor)[HEADER] == "hit"
    assert client.get("/pt/", HTTP_HOST="portal.example.pt")[HEADER] == "miss"  # plain http


@pytest.mark.django_db
def test_an_address_outside_allowed_hosts_warms_nothing(client, cached, settings, caplog):
    settings.WAGTAILADMIN_BASE_URL = "https://elsewhere.example.org"
    warm_pages.call(ContentVersion.current(), [])
    assert "not in ALLOWED_HOSTS" in caplog.text
    assert client.get("/pt/")[HEADER] == "miss"


@pytest.mark.django_db
def test_every_home_is_warmed_whatever_the_tree(cached):
    homes = Page.objects.filter(depth=2).live()
    assert {home.url for home in homes} <= set(warm_paths([]))


@pytest.mark.django_db
def test_the_language_of_the_request_it_runs_in_is_kept(cached):
    with translation.override("en"):
        warm_pages.call(ContentVersion.current(), [first_module("pt").pk])
        assert translation.get_language() == "en"
