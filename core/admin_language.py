"""Admin texts that Wagtail translates once, at start-up, translated for each editor instead.

Wagtail writes a snippet chooser's texts ("Choose FAQ topic") when the widget is built and a
snippet viewset's breadcrumbs ("Home", "Snippets") when it is registered, in the language
active then (the server's, Portuguese): an English-speaking editor read «Início» and «Escolher
tema das perguntas frequentes». Every snippet viewset of the project derives from the
SnippetViewSet here.
"""

from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_lazy

from wagtail.snippets.views import chooser, snippets
from wagtail.snippets.widgets import AdminSnippetChooser

from core.admin_status import RecordStatusMixin

BREADCRUMB_LABELS = {"Home": gettext_lazy("Home"), "Snippets": gettext_lazy("Snippets")}


def _in_active_language(template, model):
    return gettext(template) % {"object": model._meta.verbose_name}


_lazy_text = lazy(_in_active_language, str)


class SnippetChooser(AdminSnippetChooser):
    def __init__(self, model=None, **kwargs):
        super().__init__(model, **kwargs)
        self.choose_one_text = _lazy_text("Choose %(object)s", self.model)
        self.choose_another_text = _lazy_text("Choose another %(object)s", self.model)
        self.link_to_chosen_text = _lazy_text("Edit this %(object)s", self.model)


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
