"""Security headers on every public response; a strict CSP everywhere but the admin."""

from django.conf import settings
from django.urls import reverse

from wagtail.models import Page

import pytest

from documents.models import LibraryDocument

MISSING = "/pt/nao-existe/"  # the one address expected to answer 404 (with the same headers)
STRICT = ("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")


def public_urls():
    """Every live page of the loaded content, plus the views that are not pages."""
    urls = [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
    document = LibraryDocument.objects.order_by("pk").first()
    urls += [
        document.url,
        "/pt/pesquisa/?q=inovação",
        "/en/search/suggest/?q=inn",
        MISSING,
        "/en/feeds/documents/",
        "/sitemap.xml",
        "/robots.txt",
        "/api/v2/pages/",
        "/admin/login/",
    ]
    return urls


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Permissions-Policy"] == settings.PERMISSIONS_POLICY
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_every_public_response_carries_the_headers(client, portal_content):
    urls = public_urls()
    assert len(urls) > 40  # both page trees
    for url in urls:
        response = client.get(url)
        assert response.status_code == (404 if url == MISSING else 200), url
        assert_common_headers(response)
        csp = response.get("Content-Security-Policy", "")
        if url.startswith("/admin/"):
            assert csp == "", "the admin needs inline scripts and styles"
        elif url.startswith("/documents/"):
            assert csp == "default-src 'none'"  # a served file can load and run nothing
            assert response["Content-Disposition"].startswith(("inline", "attachment"))
        else:
            assert all(part in csp for part in STRICT), (url, csp)
            assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


@pytest.mark.django_db
def test_library_document_page_and_download_have_their_own_policies(client, portal_content):
    document = LibraryDocument.objects.order_by("pk").first()
    download = client.get(reverse("wagtaildocs_serve", args=[document.pk, document.filename]))
    assert download["Content-Security-Policy"] == "default-src 'none'"
    assert "unsafe-inline" not in client.get("/pt/biblioteca/")["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_admin_names_no_third_party_for_staff_avatars(staff_client):
    html = staff_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "default-user-avatar" in html and "gravatar" not in html.lower()
