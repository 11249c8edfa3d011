"""The home page and the general content page."""

from django.utils.translation import gettext_lazy as _

from .base import BodyPage


class HomePage(BodyPage):
    """The root of each language's tree."""

    template = "pages/home_page.html"
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class ContentPage(BodyPage):
    """A page of guidance or information, with child pages of its own."""

    template = "pages/content_page.html"

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = list(self.get_children().live())
        return context
