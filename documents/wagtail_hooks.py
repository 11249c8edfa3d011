from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from core.admin_language import SnippetViewSet
from core.models import ContentVersion

from .admin_views import LibraryDocumentIndexView
from .models import LibraryDocument, Webinar
from .models.tally import recount


class WebinarViewSet(SnippetViewSet):
    model = Webinar
    icon = "media"
    menu_label = _("Webinars")  # explicit: the plural name is lower case
    menu_order = 330
    add_to_admin_menu = True
    list_display = ["title", "starts_on", "format"]
    list_filter = ["format", "starts_on"]
    search_fields = ["title_pt", "title_en", "slug"]
    search_backend_name = None


register_snippet(WebinarViewSet)


@hooks.register("register_admin_urls")
def library_document_listing():
    """Wagtail's document listing with the library's filters, at Wagtail's address: this hook
    runs before wagtail.documents' (INSTALLED_APPS order; Wagtail 8 has no documents viewset).
    An internal, guarded by tests/core/test_wagtail_internals.py (docs/upgrading.md)."""
    return [
        path("documents/", LibraryDocumentIndexView.as_view(), name="library_documents"),
        path(
            "documents/results/",
            LibraryDocumentIndexView.as_view(results_only=True),
            name="library_documents_results",
        ),
    ]


@hooks.register("after_bulk_action")
def recount_after_moving_documents(request, action_type, objects, action):
    """Wagtail's "add to collection" moves documents by one update, which sends no signal: the
    library's tally (documents/models/tally.py) is counted again and pages are outdated."""
    if action_type == "add_to_collection" and LibraryDocument in getattr(action, "models", ()):
        recount()
        ContentVersion.bump()
