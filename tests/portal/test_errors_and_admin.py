"""Error pages in both languages, the admin login, and hostile paths."""

from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

import pytest

from tests.html import read_page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "lang", "text"),
    [
        ("/pt/nao-existe/", "pt", "Página não encontrada"),
        ("/en/does-not-exist/", "en", "Page not found"),
    ],
)
def test_404_page_in_each_language(client, homes, path, lang, text):
    response = client.get(path)
    assert response.status_code == 404
    parts = read_page(response)
    assert parts.lang == lang
    assert parts.h1 == text
    other = "en" if lang == "pt" else "pt"
    assert parts.switcher[other] == f"/{other}/"


@pytest.mark.parametrize(
    ("lang", "text"), [("pt", "Ocorreu um erro"), ("en", "Something went wrong")]
)
def test_500_page_in_each_language(lang, text):
    request = RequestFactory().get(f"/{lang}/")
    with translation.override(lang):
        response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{lang}">' in html
    assert text in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/pt/%00/",
        "/en/" + "a" * 5000 + "/",
        "/pt/%E2%80%AE%F0%9F%98%80/",
        "/en/<script>alert(1)</script>/",
        "/pt/../../etc/passwd",
        "/en/?page=-1&q=%00",
    ],
)
def test_hostile_paths_never_give_a_server_error(client, homes, path):
    response = client.get(path)
    assert response.status_code < 500
    assert b"<script>alert(1)" not in response.content


@pytest.mark.django_db
def test_admin_login_page_loads(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert b'name="password"' in response.content


@pytest.mark.django_db
def test_admin_is_closed_to_visitors(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
