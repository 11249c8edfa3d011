"""The editors' side of search: synonyms, promoted results (moderated snippets) and Reports >
Searches."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.snippets.models import register_snippet

from core.admin_language import SnippetViewSet
from search.models import Synonym
from search.promotions import SearchPromotion
from search.report import SearchReportView


class SynonymViewSet(SnippetViewSet):
    """Synonyms and acronyms, under Settings: expanded at query time, no reindex needed."""

    model = Synonym
    icon = "search"
    menu_label = _("Synonyms and acronyms")
    add_to_settings_menu = True
    list_display = ["term_pt", "term_en", "listed_expansions_pt", "listed_expansions_en"]
    search_fields = ["term_pt", "term_en", "expansions_pt", "expansions_en"]
    search_backend_name = None  # the admin's listing searches the table itself
    panels = [
        MultiFieldPanel([FieldPanel("term_pt"), FieldPanel("expansions_pt")], _("Portuguese")),
        MultiFieldPanel([FieldPanel("term_en"), FieldPanel("expansions_en")], _("English")),
    ]


register_snippet(SynonymViewSet)


class SearchPromotionViewSet(SnippetViewSet):
    model = SearchPromotion
    icon = "pick"
    menu_label = _("Promoted search results")
    menu_order = 320
    add_to_admin_menu = True
    list_display = [
        "query",
        "language",
        Column("target", label=_("Shown first"), accessor=lambda p: p.page or p.document),
        LiveStatusTagColumn(label=_("Status")),  # Wagtail translates its default at import
    ]
    list_filter = ["language", "live"]
    search_fields = ["query"]
    search_backend_name = None


register_snippet(SearchPromotionViewSet)


@hooks.register("register_admin_urls")
def search_report_urls():
    view = SearchReportView.as_view()
    results = SearchReportView.as_view(results_only=True)
    return [
        path("reports/searches/", view, name="search_report"),
        path("reports/searches/results/", results, name="search_report_results"),
    ]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.view_searchcount")


@hooks.register("register_reports_menu_item")
def search_report_menu_item():
    return SearchReportMenuItem(
        _("Searches"), reverse("search_report"), name="searches", icon_name="search", order=70
    )
