"""The home page and the general content page."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from buyers.models import NewsletterPage, ProcedureChooserPage, SupportRequestPage
from casestudies.models import CaseStudyPage
from core.models import BodyPage
from core.visibility import public_pages
from documents.models import DocumentLibraryPage, LibraryDocument, Webinar, WebinarIndexPage


class HomePage(BodyPage):
    """The root of each language's tree; shows what is new in the library, webinars and cases."""

    parent_page_types = ["wagtailcore.Page"]
    latest_documents_count = 5
    featured_cases_count = 3
    buyer_tools = (ProcedureChooserPage, SupportRequestPage, NewsletterPage)

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_documents"] = list(
            LibraryDocument.objects.public()
            .defer("text_content")
            .order_by(*LibraryDocument.newest_first())[: self.latest_documents_count]
        )
        webinars = Webinar.objects.select_related("slides")
        context["webinar"] = webinars.upcoming().first() or webinars.past().first()
        cases = public_pages(CaseStudyPage.objects.descendant_of(self))
        cases = cases.select_related("procedure_type")
        context["featured_cases"] = list(
            cases.order_by("-featured", "-start_year", "title")[: self.featured_cases_count]
        )
        context["library"] = self.find_child(DocumentLibraryPage)
        if context["library"]:
            context["library"].add_detail_urls(context["latest_documents"])
        context["webinar_index"] = self.find_child(WebinarIndexPage)
        context["buyer_tools"] = list(
            public_pages(Page.objects.descendant_of(self).type(*self.buyer_tools)).order_by("path")
        )  # plain pages: each type's blurb is a class attribute, so no query per type
        return context

    def find_child(self, model):
        """The live page of that type below this home page, if any."""
        return public_pages(model.objects.descendant_of(self)).first()


class ContentPage(BodyPage):
    """A page of guidance or information, with child pages of its own."""

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
