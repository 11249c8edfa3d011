"""400, 403, 404 and 500 in both languages; server errors are logged and mailed to ADMINS."""

from django.core import mail
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import override_settings
from django.urls import path

import pytest

from procureplus import urls as project_urls
from tests.html import read_page


def refuse(request):
    raise PermissionDenied


def suspicious(request):
    raise SuspiciousOperation("bad input")


def crash(request):
    raise RuntimeError("boom")


urlpatterns = [
    path("refuse/", refuse),
    path("suspicious/", suspicious),
    path("crash/", crash),
    *project_urls.urlpatterns,
]
handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"


@pytest.mark.django_db
@pytest.mark.urls("tests.security.test_error_pages")
@pytest.mark.parametrize(
    ("url", "status", "pt", "en"),
    [
        ("/refuse/", 403, "Acesso negado", "Access denied"),
        ("/suspicious/", 400, "Pedido inválido", "Bad request"),
    ],
)
def test_error_pages_in_each_language(client, homes, url, status, pt, en):
    for language, heading in (("pt", pt), ("en", en)):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == status
        parts = read_page(response)
        assert (parts.lang, parts.h1) == (language, heading)


@pytest.mark.django_db
@pytest.mark.urls("tests.security.test_error_pages")
@override_settings(ADMINS=[("Equipa", "equipa@example.pt")])
def test_server_errors_are_logged_and_mailed_to_admins(client, caplog):
    client.raise_request_exception = False
    response = client.get("/crash/")
    assert response.status_code == 500
    assert "boom" in caplog.text
    assert [message.to for message in mail.outbox] == [["equipa@example.pt"]]
    assert "RuntimeError" in mail.outbox[0].body
