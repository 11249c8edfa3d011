"""The admin login locks out after five failures; public POST forms are rate-limited."""

from django.test import override_settings
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from core.rate_limit import client_address

LOGIN = "/admin/login/"


def fail_login(client):
    return client.post(LOGIN, {"username": "editor", "password": "wrong"})


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading"), [("pt", "Demasiadas tentativas"), ("en", "Too many attempts")]
)
def test_admin_login_locks_out_after_five_failures(client, django_user_model, language, heading):
    django_user_model.objects.create_user("editor", password="right-password", is_superuser=True)
    client.cookies["django_language"] = language
    for _ in range(4):
        assert fail_login(client).status_code == 200  # the form again, with its error
    locked = fail_login(client)
    assert locked.status_code == 429
    assert heading in locked.content.decode()
    assert int(locked["Retry-After"]) > 0
    # Locked means locked: even the right password is refused now.
    right = client.post(LOGIN, {"username": "editor", "password": "right-password"})
    assert right.status_code == 429


@pytest.mark.django_db
def test_a_successful_login_resets_the_count(client, django_user_model):
    django_user_model.objects.create_user("editor", password="right-password", is_superuser=True)
    for _ in range(4):
        fail_login(client)
    success = client.post(LOGIN, {"username": "editor", "password": "right-password"})
    assert success.status_code == 302
    client.logout()
    assert fail_login(client).status_code == 200


@pytest.fixture
def protected_page(homes):
    restriction = PageViewRestriction.objects.create(
        page=homes["pt"], restriction_type=PageViewRestriction.PASSWORD, password="segredo"
    )
    return reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, homes["pt"].pk])


@pytest.mark.django_db
@override_settings(PUBLIC_POST_RATE_LIMIT=3)
@pytest.mark.parametrize(
    ("language", "heading"), [("pt", "Demasiadas tentativas"), ("en", "Too many attempts")]
)
def test_password_form_of_a_page_is_rate_limited(client, protected_page, language, heading):
    url = protected_page.replace("/pt/", f"/{language}/", 1)
    for _ in range(3):
        assert client.post(url, {"password": "wrong", "return_url": "/"}).status_code == 200
    limited = client.post(url, {"password": "segredo", "return_url": "/"})
    assert limited.status_code == 429
    assert heading in limited.content.decode()


@pytest.mark.django_db
@override_settings(PUBLIC_POST_RATE_LIMIT=1)
def test_other_addresses_are_not_limited(client, protected_page):
    def post_from(address):
        return client.post(protected_page, {"password": "x"}, REMOTE_ADDR=address).status_code

    assert [post_from("192.0.2.1"), post_from("192.0.2.1"), post_from("192.0.2.2")] == [
        200,
        429,
        200,
    ]


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),  # no proxy: the header is the visitor's own words
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # a forged entry on the left is ignored
        (2, "203.0.113.9, 198.51.100.7", "203.0.113.9"),
        (2, "198.51.100.7", "10.0.0.1"),  # fewer entries than proxies: not trusted
    ],
)
def test_client_address_behind_trusted_proxies(rf, settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected
