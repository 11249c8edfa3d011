"""Sitemap and robots.txt: both language trees, each page with its translations as alternates."""

from collections import defaultdict

from django.apps import apps
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control

from wagtail.models import Page, Site


def page_entries(request):
    """(url, lastmod, {lang: url}) for every live, public page of the request's site."""
    site = Site.find_for_request(request)
    root_keys = Page.objects.filter(sites_rooted_here=site).values("translation_key")
    homes = Page.objects.live().filter(translation_key__in=root_keys)
    pages = Page.objects.none()
    for home in homes:
        pages |= Page.objects.live().public().descendant_of(home, inclusive=True)
    pages = list(pages.select_related("locale").order_by("path"))
    base = request.build_absolute_uri("/").rstrip("/")
    by_key = defaultdict(dict)
    for page in pages:
        by_key[page.translation_key][page.locale.language_code] = base + page.get_url(request)
    return [
        (base + page.get_url(request), page.last_published_at, by_key[page.translation_key])
        for page in pages
    ]


def subpage_entries(request):
    """Document and webinar pages, under the library and webinar list of each language."""
    base = request.build_absolute_uri("/").rstrip("/")
    entries = []
    for model_label, items_label, url_method in (
        ("documents.DocumentLibraryPage", "documents.LibraryDocument", "document_url"),
        ("documents.WebinarIndexPage", "documents.Webinar", "webinar_url"),
    ):
        indexes = list(apps.get_model(model_label).objects.live().public().select_related("locale"))
        if not indexes:
            continue
        for item in apps.get_model(items_label).objects.public():
            alternates = {
                index.locale.language_code: base + getattr(index, url_method)(item)
                for index in indexes
            }
            entries.extend((url, None, alternates) for url in alternates.values())
    return entries


@cache_control(max_age=3600)
def sitemap(request):
    entries = page_entries(request) + subpage_entries(request)
    return TemplateResponse(
        request, "sitemap.xml", {"entries": entries}, content_type="application/xml"
    )


@cache_control(max_age=86400)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
