"""The home page and the general content page."""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from portal.visibility import public_pages

from .base import BodyPage


class HomePage(BodyPage):
    """The root of each language's tree; shows what is new in the library, webinars and cases."""

    template = "pages/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    latest_documents_count = 5
    featured_cases_count = 3
    buyer_tools = ["ProcedureChooserPage", "SupportRequestPage", "NewsletterPage"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Looked up by name: the documents and casestudies apps build on this one.
        document_model = apps.get_model("documents", "LibraryDocument")
        webinar_model = apps.get_model("documents", "Webinar")
        case_model = apps.get_model("casestudies", "CaseStudyPage")
        context["latest_documents"] = list(
            document_model.objects.public()
            .defer("text_content")
            .order_by(*document_model.newest_first())[: self.latest_documents_count]
        )
        webinars = webinar_model.objects.select_related("slides")
        context["webinar"] = webinars.upcoming().first() or webinars.past().first()
        cases = public_pages(case_model.objects.descendant_of(self))
        cases = cases.select_related("procedure_type")
        context["featured_cases"] = list(
            cases.order_by("-featured", "-start_year", "title")[: self.featured_cases_count]
        )
        context["library"] = self.find_child("documents", "DocumentLibraryPage")
        if context["library"]:
            context["library"].add_detail_urls(context["latest_documents"])
        context["webinar_index"] = self.find_child("documents", "WebinarIndexPage")
        tool_models = [apps.get_model("buyers", name) for name in self.buyer_tools]
        context["buyer_tools"] = list(
            public_pages(Page.objects.descendant_of(self).type(*tool_models)).order_by("path")
        )  # plain pages: each type's blurb is a class attribute, so no query per type
        return context

    def find_child(self, app_label, model_name):
        """The live page of that type below this home page, if any."""
        model = apps.get_model(app_label, model_name)
        return public_pages(model.objects.descendant_of(self)).first()


class ContentPage(BodyPage):
    """A page of guidance or information, with child pages of its own."""

    template = "pages/content_page.html"

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
