"""Anonymous pages come from the cache; any change to what they show is seen on the next request."""

from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from wagtail.models import Page

import pytest

from core import shared_version
from documents.models import LibraryDocument, Webinar
from portal.models import ContentPage, GlossaryTerm, Organisation
from procureplus.settings.env import cache_backend

HEADER = "X-Page-Cache"


@pytest.fixture
def cached(settings, portal_content, empty_cache):
    settings.PAGE_CACHE_SECONDS = 600


def warm(client, url):
    client.get(url)
    response = client.get(url)
    assert response[HEADER] == "hit", url
    return response


@pytest.mark.django_db
def test_anonymous_pages_are_cached_per_language(client, cached, django_assert_num_queries):
    assert client.get("/pt/")[HEADER] == "miss"
    assert client.get("/en/")[HEADER] == "miss"
    # The content version's row, nothing else; with Redis, nothing (test_shared_version.py).
    with django_assert_num_queries(0 if shared_version.redis_and_key()[0] else 1):
        pt = client.get("/pt/")
    assert pt[HEADER] == "hit"
    assert pt["Content-Language"] == "pt" and 'lang="pt"' in pt.content.decode()
    assert 'lang="en"' in client.get("/en/").content.decode()
    assert pt["Content-Security-Policy"]  # headers travel with the cached page


@pytest.mark.django_db
def test_each_query_string_is_its_own_entry(client, cached):
    warm(client, "/pt/biblioteca/?category=faq")
    assert client.get("/pt/biblioteca/?category=article")[HEADER] == "miss"


@pytest.mark.django_db
def test_editors_never_get_or_fill_the_cache(client, cached, django_user_model):
    warm(client, "/pt/")
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.pt", "x"))
    response = client.get("/pt/")
    assert HEADER not in response
    assert "wagtail-userbar" in response.content.decode()


@pytest.mark.django_db
def test_a_visitor_with_a_flash_message_gets_a_fresh_page(client, cached):
    warm(client, "/pt/")
    client.cookies["messages"] = "pending"
    assert HEADER not in client.get("/pt/")


def form_view(request):
    return HttpResponse(f"<form>{get_token(request)}</form>")  # a per-visitor CSRF token


urlpatterns = [path("formulario/", form_view)]


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_a_page_with_a_csrf_token_is_never_stored(client, cached):
    first = client.get("/formulario/")
    assert first.cookies  # CsrfViewMiddleware sets its cookie, outside the page cache
    second = client.get("/formulario/")
    assert HEADER not in first and HEADER not in second


@pytest.mark.django_db
def test_error_pages_and_files_are_not_cached(client, cached):
    client.get("/pt/nao-existe/")
    assert HEADER not in client.get("/pt/nao-existe/")
    document = LibraryDocument.objects.first()
    client.get(document.url)
    assert HEADER not in client.get(document.url)


def page(slug):
    return ContentPage.objects.get(slug=slug)


@pytest.mark.django_db
def test_a_published_edit_shows_at_once(client, cached, changes):
    url = page("compras-publicas-de-inovacao").url
    warm(client, url)

    def edit():
        draft = page("compras-publicas-de-inovacao")
        draft.title = "Título revisto"
        draft.save_revision().publish()

    changes(edit)
    response = client.get(url)
    assert response[HEADER] == "hit"  # rendered anew by the warm-up task (core/page_warmup.py)
    assert "Título revisto" in response.content.decode()


@pytest.mark.django_db
def test_unpublished_and_moved_pages_go_at_once(client, cached, changes):
    privacy = page("privacidade")
    accessibility = page("acessibilidade")
    warm(client, privacy.url)
    warm(client, accessibility.url)
    changes(lambda: page("privacidade").unpublish())
    assert client.get(privacy.url).status_code == 404
    target = Page.objects.get(slug="procure-i", locale__language_code="pt")
    changes(lambda: page("acessibilidade").move(target, pos="last-child"))
    moved = client.get(accessibility.url)  # Wagtail leaves a redirect to the new address
    assert (moved.status_code, moved["Location"]) == (301, "/pt/procure-i/acessibilidade/")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "model", "lookup", "field"),
    [
        ("/pt/biblioteca/", LibraryDocument, {}, "title_pt"),
        ("/en/webinars/", Webinar, {}, "title_en"),
        ("/pt/", Organisation, {"acronym": "ANI"}, "name_pt"),
        ("/en/public-procurement-of-innovation/", GlossaryTerm, {"slug": "pcp"}, "definition_en"),
    ],
)
def test_records_shown_on_pages_refresh_them(client, cached, changes, url, model, lookup, field):
    warm(client, url)

    def edit():
        record = model.objects.filter(**lookup).order_by("pk").first()
        setattr(record, field, "Texto alterado agora")
        record.save()

    changes(edit)
    response = client.get(url)
    assert "Texto alterado agora" in response.content.decode()


@pytest.mark.django_db
def test_off_when_the_setting_is_zero(client, portal_content):
    assert settings.PAGE_CACHE_SECONDS == 0
    client.get("/pt/")
    assert HEADER not in client.get("/pt/")


def test_cache_backend_comes_from_the_environment():
    assert cache_backend("")["BACKEND"].endswith("LocMemCache")
    redis = cache_backend("redis://127.0.0.1:6379/3")
    assert redis["BACKEND"] == "django_redis.cache.RedisCache"
    assert redis["LOCATION"] == "redis://127.0.0.1:6379/3"
    assert redis["OPTIONS"]["IGNORE_EXCEPTIONS"] is True  # a Redis down is a miss, not a 500


@pytest.fixture
def cached_homes(settings, homes):
    settings.PAGE_CACHE_SECONDS = 600
    return homes


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
@pytest.mark.parametrize(
    "query", ["?utm_source=x", "?utm_campaign=a&utm_medium=b", "?fbclid=1", "?gclid=1&mc_cid=2"]
)
def test_a_campaign_visit_is_served_the_cached_page(client, cached_homes, code, query):
    warm(client, f"/{code}/")
    response = client.get(f"/{code}/{query}")
    assert response[HEADER] == "hit"
    assert response["Content-Language"] == code


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_other_parameters_keep_their_own_entry(client, cached_homes, code):
    warm(client, f"/{code}/")
    assert client.get(f"/{code}/?page=2")[HEADER] == "miss"
    assert client.get(f"/{code}/?page=2&utm_source=x")[HEADER] == "hit"
    warm(client, f"/{code}/?a=1&b=2")
    assert client.get(f"/{code}/?b=2&a=1")[HEADER] == "hit"  # the order does not matter


@pytest.mark.django_db
def test_a_page_rendered_for_a_campaign_visit_is_not_stored(client, cached_homes):
    """Its links may carry the campaign's parameters: other visitors get a fresh page."""
    assert HEADER not in client.get("/pt/?utm_source=x")
    assert client.get("/pt/")[HEADER] == "miss"


@pytest.mark.django_db
def test_the_ignored_parameters_are_a_setting(client, cached_homes, settings):
    settings.PAGE_CACHE_IGNORED_PARAMETERS = ["ref"]
    warm(client, "/pt/")
    assert client.get("/pt/?ref=newsletter")[HEADER] == "hit"
    assert client.get("/pt/?utm_source=x")[HEADER] == "miss"
