"""Admin texts that Wagtail translates once, at start-up, translated for each editor instead.

Wagtail writes a snippet chooser's texts ("Choose FAQ topic") when the widget is built and a
snippet viewset's breadcrumbs ("Home", "Snippets") when it is registered, in the language
active then (the server's, Portuguese): an English-speaking editor read «Início» and «Escolher
tema das perguntas frequentes». Every snippet viewset of the project derives from the
SnippetViewSet here.

Wagtail's chooser texts name the model in one template ("Choose another %(object)s"), which
Portuguese cannot word without knowing the noun's gender («Escolher outro/a tipo de
procedimento»): a chooser viewset gives its own texts (`choose_one_text`, `choose_another_text`,
`edit_item_text`, ChooserViewSet's documented options), «Escolher outro tipo de procedimento».
"""

from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_lazy

from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.snippets.views import chooser, snippets
from wagtail.snippets.widgets import AdminSnippetChooser

from core.admin_status import RecordStatusMixin

BREADCRUMB_LABELS = {"Home": gettext_lazy("Home"), "Snippets": gettext_lazy("Snippets")}


def _in_active_language(template, model):
    return gettext(template) % {"object": model._meta.verbose_name}


_lazy_text = lazy(_in_active_language, str)


# The widget's texts: ChooserViewSet's default (which names no model), Wagtail's template for it.
FALLBACKS = {
    "choose_one_text": (ChooserViewSet.choose_one_text, "Choose %(object)s"),
    "choose_another_text": (ChooserViewSet.choose_another_text, "Choose another %(object)s"),
    "link_to_chosen_text": (ChooserViewSet.edit_item_text, "Edit this %(object)s"),
}


class SnippetChooser(AdminSnippetChooser):
    def __init__(self, model=None, **kwargs):
        super().__init__(model, **kwargs)
        for name, (default, template) in FALLBACKS.items():
            text = getattr(type(self), name)  # the chooser viewset's, set on the widget class
            setattr(self, name, _lazy_text(template, self.model) if text is default else text)


class SnippetChooserViewSet(chooser.SnippetChooserViewSet):
    """A SnippetViewSet's `chooser_viewset_class` for snippets other models point to."""

    base_widget_class = SnippetChooser


class EditView(RecordStatusMixin, snippets.EditView):
    """Wagtail's, with no «Publicada» for a snippet never published (core/admin_status.py)."""


class SnippetViewSet(snippets.SnippetViewSet):
    """Wagtail's, with breadcrumbs in the editor's language."""

    edit_view_class = EditView
    usage_shown = False  # True where other records choose the snippet: its edit view counts uses

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(usage_shown=self.usage_shown, **kwargs)

    @property
    def breadcrumbs_items(self):
        with translation.override(None):  # Wagtail's labels as their English msgids
            items = super().breadcrumbs_items
        return [
            {**item, "label": BREADCRUMB_LABELS.get(item["label"], item["label"])} for item in items
        ]
