from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .newsletter_admin import NewsletterIssueViewSet, send_page_button
from .panels import TranslationParityPanel
from .views import DocumentDownloadsView, TranslationParityView


@hooks.register("register_admin_urls")
def editorial_urls():
    return [
        path(
            "reports/translation-parity/",
            TranslationParityView.as_view(),
            name="editorial_translation_parity",
        ),
        path(
            "reports/document-downloads/",
            DocumentDownloadsView.as_view(),
            name="editorial_document_downloads",
        ),
    ]


class DownloadsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("editorial.view_documentdownload")


@hooks.register("register_reports_menu_item")
def translation_parity_menu_item():
    return MenuItem(
        _("Translation parity"),
        reverse("editorial_translation_parity"),
        name="translation-parity",
        icon_name="globe",
        order=50,
    )


@hooks.register("register_reports_menu_item")
def document_downloads_menu_item():
    return DownloadsMenuItem(
        _("Document downloads"),
        reverse("editorial_document_downloads"),
        name="document-downloads",
        icon_name="download",
        order=60,
    )


@hooks.register("construct_homepage_panels")
def translation_parity_panel(request, panels):
    panels.append(TranslationParityPanel())


@hooks.register("insert_global_admin_css")
def editorial_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("editorial/admin.css"))


register_snippet(NewsletterIssueViewSet)
hooks.register("register_snippet_listing_buttons", send_page_button)
