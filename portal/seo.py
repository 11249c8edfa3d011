"""Sitemap index, its sections (registered in core.sitemaps by the apps) and robots.txt."""

from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import InvalidPage
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control

from core.sitemaps import SECTIONS

URLSET = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    ' xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def sections(request):
    return {name: sitemap_class(request) for name, sitemap_class in SECTIONS.items()}


@cache_control(max_age=3600)
def sitemap_index(request):
    """Lists every page of every section: /sitemap-<section>.xml?p=N."""
    return sitemap_views.index(request, sections(request), sitemap_url_name="sitemap_section")


@sitemap_views.x_robots_tag
@cache_control(max_age=3600)
def sitemap_section(request, section):
    if section not in SECTIONS:
        raise Http404
    sitemap = SECTIONS[section](request)
    base = f"{request.scheme}://{get_current_site(request).domain}"
    try:
        urls = "".join(sitemap.url_elements(request.GET.get("p", 1), base))
    except InvalidPage as error:  # not a number, or out of range
        raise Http404 from error
    return HttpResponse(f"{URLSET}{urls}</urlset>\n", content_type="application/xml")


@cache_control(max_age=86400)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
