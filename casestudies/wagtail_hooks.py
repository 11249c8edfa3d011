from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.admin_language import SnippetChooserViewSet, SnippetViewSet

from .models import ProcedureType, Sector


class ProcedureTypeChooserViewSet(SnippetChooserViewSet):
    """Case studies choose their procedure; the texts agree with "tipo" (masculine)."""

    choose_one_text = _("Choose a procedure type")
    choose_another_text = _("Choose another procedure type")
    edit_item_text = _("Edit this procedure type")


class ProcedureTypeViewSet(SnippetViewSet):
    model = ProcedureType
    usage_shown = True  # chosen by case studies
    icon = "list-ul"
    chooser_viewset_class = ProcedureTypeChooserViewSet
    menu_label = _("Procedure types")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name_pt", "name_en", "slug"]
    search_backend_name = None


class SectorViewSet(SnippetViewSet):
    model = Sector
    usage_shown = True  # chosen by case studies
    icon = "tag"
    menu_label = _("Sectors")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name_pt", "name_en", "slug"]
    search_backend_name = None


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Case study terms")
    menu_icon = "list-ul"
    menu_order = 320
    items = (ProcedureTypeViewSet, SectorViewSet)


register_snippet(TaxonomyGroup)
