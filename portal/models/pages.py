"""The home page and the general content page."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from buyers.models import NewsletterPage, ProcedureChooserPage, SupportRequestPage
from casestudies.models import CaseStudyPage
from core.models import BodyPage
from core.prepared import PreparedFamily
from core.versioned_cache import remember
from core.visibility import public_pages
from documents.models import (
    DocumentLibraryPage,
    LibraryDocument,
    Webinar,
    WebinarIndexPage,
    with_formats,
)


class HomePage(BodyPage):
    """The root of each language's tree; shows what is new in the library, webinars and cases."""

    parent_page_types = ["wagtailcore.Page"]
    # The sections of a site: the content apps' pages are added here only (they name no parent).
    subpage_types = [
        "portal.ContentPage",
        "portal.FAQPage",
        "portal.GlossaryPage",
        "portal.PartnershipPage",
        "portal.ModuleIndexPage",
        "portal.EventIndexPage",
        "portal.GuideIndexPage",
        "casestudies.CaseStudyIndexPage",
        "documents.DocumentLibraryPage",
        "documents.WebinarIndexPage",
        "buyers.ProcedureChooserPage",
        "buyers.SupportRequestPage",
        "buyers.NewsletterPage",
    ]
    latest_documents_count = 5
    featured_cases_count = 3
    buyer_tools = (ProcedureChooserPage, SupportRequestPage, NewsletterPage)

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # What is new changes only with content (and the webinar with the date): read once.
        today = timezone.localdate()
        context.update(remember(request, f"home:{self.pk}:{today}", self.whats_new))
        return context

    def whats_new(self):
        latest_documents = with_formats(LATEST_DOCUMENTS((self.latest_documents_count,)))
        # Each of its own type with its own fields unread: what is new only links to them.
        sections = SECTIONS((self.section_types(),), self.path, self.depth)
        sections = [page.specific_deferred for page in sections]
        library = next((p for p in sections if isinstance(p, DocumentLibraryPage)), None)
        if library:
            library.add_detail_urls(latest_documents)
        return {
            "latest_documents": latest_documents,
            "webinar": Webinar.objects.select_related("slides").next_or_latest(),
            "featured_cases": FEATURED_CASES((self.featured_cases_count,), self.path, self.depth),
            "library": library,
            "webinar_index": next((p for p in sections if isinstance(p, WebinarIndexPage)), None),
            # each type's blurb is a class attribute, so no query per type
            "buyer_tools": [p for p in sections if isinstance(p, self.buyer_tools)],
        }

    @classmethod
    def section_types(cls):
        """The types of the pages what is new links to."""
        return (DocumentLibraryPage, WebinarIndexPage, *cls.buyer_tools)


# What is new, prepared querysets (core/prepared.py) by their LIMIT or page types: the newest
# listed documents (the model's order: newest first, undated last; second formats folded in).
LATEST_DOCUMENTS = PreparedFamily(
    lambda count: lambda: LibraryDocument.objects.listed().defer("text_content")[:count]
)
# The case studies below a page (its path and depth), featured first.
FEATURED_CASES = PreparedFamily(
    lambda count: (
        lambda path, depth: (
            public_pages(CaseStudyPage.objects.filter(path__startswith=path, depth__gt=depth))
            .select_related("procedure_type")
            .order_by("-featured", "-start_year", "title")[:count]
        )
    )
)


def section_pages(models):
    """The live pages of these types below a page (its path and depth), in tree order, in one
    query (one per type before). The types' condition is built once: Wagtail's `type()` lists
    their ids in a set's order, which differed between two builds, so no shape was kept."""
    of_types = Page.objects.type_q(*models)
    return lambda path, depth: public_pages(
        Page.objects.filter(of_types, path__startswith=path, depth__gt=depth)
    ).order_by("path")


SECTIONS = PreparedFamily(section_pages)


class ContentPage(BodyPage):
    """A page of guidance or information, with child pages of its own."""

    parent_page_types = ["portal.HomePage", "portal.ContentPage"]
    subpage_types = [
        "portal.ContentPage",
        "portal.FAQPage",
        "portal.GlossaryPage",
        "portal.PartnershipPage",
    ]

    in_footer = models.BooleanField(
        _("link in the footer"),
        default=False,
        help_text=_("List this page in every page's footer, e.g. the accessibility statement."),
    )

    promote_panels = [*BodyPage.promote_panels, FieldPanel("in_footer")]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = list(public_pages(self.get_children()))
        return context
