"""The document library and webinar pages, one per language tree."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from core import jsonld
from core.csv_export import csv_response
from core.listing import clean_choice, clean_int, paginate, query_without
from core.models import BodyPage
from core.versioned_cache import remember
from core.visibility import restrictions_accept
from documents.ask import ask_url
from documents.calendar import webinar_ics
from documents.library_csv import document_rows

from .library_document import LibraryDocument
from .listing import library_documents, listing_facts, page_of_documents, with_formats
from .webinar import Webinar

SORTS = {"newest", "title"}


class DocumentLibraryPage(RoutablePageMixin, BodyPage):
    """Lists the library's documents with filters; each document has a page under it."""

    offered_when_nothing_found = 4

    per_page = 20
    max_count_per_parent = 1
    subpage_types = []  # a section: the home page type lists it among its own

    class Meta:
        verbose_name = _("document library")
        verbose_name_plural = _("document libraries")

    def filtered_documents(self, params):
        filters = {
            "category": clean_choice(params, "category", LibraryDocument.Category.values),
            "language": clean_choice(params, "language", LibraryDocument.FileLanguage.values),
            "year": clean_int(params, "year", 1900, 2200),
            "sort": clean_choice(params, "sort", SORTS) or "newest",
        }
        return library_documents(**filters), filters

    @path("")
    def index_route(self, request):
        documents, filters = self.filtered_documents(request.GET)
        filtered_by = "{category}:{language}:{year}".format(**filters)
        count, years = remember(
            request, f"library-facts:{filtered_by}", lambda: listing_facts(filters)
        )
        listed = paginate(documents, request.GET, self.per_page, count)
        listed.object_list = page_of_documents(filters, listed)
        self.add_detail_urls(listed.object_list, request)
        return self.render(
            request,
            context_overrides={
                "documents": listed,
                "filters": filters,
                "categories": LibraryDocument.Category.choices,
                # "Both" is not offered: a file in both languages is listed under either.
                "languages": [
                    choice
                    for choice in LibraryDocument.FileLanguage.choices
                    if choice[0] != LibraryDocument.FileLanguage.BOTH
                ],
                "years": years,
                "page_query": query_without(request.GET, "page"),
                "is_filtered": any(filters[k] for k in ("category", "language", "year")),
            },
        )

    @path("csv/")
    def csv_route(self, request):
        documents, _filters = self.filtered_documents(request.GET)
        header = [
            _("Title"), _("Category"), _("Language of the file"), _("Year"), _("Date"),
            _("File type"), _("Size (bytes)"), _("Description"), _("Page"), _("File"),
        ]  # fmt: skip
        rows = document_rows(self, request, documents)
        return csv_response(f"procureplus-documents-{get_language()}.csv", header, rows)

    @path("<int:document_id>/")
    @path("<int:document_id>/<slug:slug>/")
    def document_route(self, request, document_id, slug=None):
        documents = LibraryDocument.objects.select_related("collection", "format_of")
        document = get_object_or_404(documents, pk=document_id)
        shown_to_everyone = document.is_public()
        if not shown_to_everyone and not restrictions_accept(request, document.collection):
            raise Http404  # a visitor is not told that a restricted document exists
        formats = with_formats([document])[0].formats
        if document.format_of and document.format_of.is_public():
            formats.insert(0, document.format_of)  # this is the second format: offer the first
        response = TemplateResponse(
            request,
            "documents/document_detail.html",
            {
                **self.get_context(request),
                "document": document,
                "other_formats": formats,
                "library": self,
                "ask_url": ask_url(document.title, get_language()) if document.is_sheet else "",
                "json_ld": jsonld.digital_document(
                    document,
                    request.build_absolute_uri(self.document_url(document)),
                    request.build_absolute_uri(document.url),
                ),
                "subpage_path": self.reverse_subpage("document_route", args=[document.pk]),
            },
        )
        if not shown_to_everyone:
            patch_cache_control(response, private=True)  # for this signed-in user only
        return response

    def add_detail_urls(self, documents, request=None):
        # Once: each address reads the site's root paths (once per request, given the request).
        base = self.get_url(request)
        for document in documents:
            document.detail_url = base + self.document_subpage(document.pk, document.title)

    def document_url(self, document):
        return self.url + self.document_subpage(document.pk, document.title)

    def document_subpage(self, document_id, title):
        """A document's path below this page, as document_route reads it: written out, not
        reversed, as the sitemap makes 50,000 at a time (a test checks they agree)."""
        return f"{document_id}/{slugify(title)[:60] or 'document'}/"


class WebinarIndexPage(RoutablePageMixin, BodyPage):
    """Upcoming and past webinars; each webinar has a page and a calendar file."""

    max_count_per_parent = 1
    subpage_types = []  # a section: the home page type lists it among its own

    class Meta:
        verbose_name = _("webinar list")
        verbose_name_plural = _("webinar lists")

    past_per_page = 20  # the upcoming are few and all shown; the past grow with the years

    @path("")
    def index_route(self, request):
        webinars = Webinar.objects.select_related("slides")
        past = paginate(webinars.past(), request.GET, self.past_per_page)
        past.object_list = list(past.object_list)
        return self.render(
            request,
            context_overrides={
                "upcoming": list(webinars.upcoming()),
                "past": past,
                "page_query": query_without(request.GET, "page"),
            },
        )

    @path("<slug:slug>/")
    def webinar_route(self, request, slug):
        webinar = get_object_or_404(Webinar.objects.select_related("slides"), slug=slug)
        return TemplateResponse(
            request,
            "documents/webinar_detail.html",
            {
                **self.get_context(request),
                "webinar": webinar,
                "webinar_index": self,
                "calendar_url": self.calendar_url(webinar),
                "slides": webinar.public_slides(),
                "ask_url": "" if webinar.recording_url else ask_url(webinar.title, get_language()),
                "json_ld": jsonld.webinar_event(
                    webinar, request.build_absolute_uri(self.webinar_url(webinar)), get_language()
                ),
                "subpage_path": self.reverse_subpage("webinar_route", args=[webinar.slug]),
            },
        )

    @path("<slug:slug>/calendar/")
    def calendar_route(self, request, slug):
        webinar = Webinar.objects.filter(slug=slug).first()
        if webinar is None:
            raise Http404
        response = HttpResponse(
            webinar_ics(webinar, request.build_absolute_uri(self.webinar_url(webinar))),
            content_type="text/calendar; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{webinar.slug}.ics"'
        return response

    def webinar_url(self, webinar):
        return self.url + self.webinar_subpage(webinar.slug)

    def webinar_subpage(self, slug):
        return self.reverse_subpage("webinar_route", args=[slug])

    def calendar_url(self, webinar):
        """The webinar's .ics file (calendar_route): the one builder of that address."""
        return self.url + self.reverse_subpage("calendar_route", args=[webinar.slug])
