from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import Synonym


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
