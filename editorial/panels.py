"""The dashboard's translation panel: three counts, each linking to the parity report."""

from wagtail.admin.ui.components import Component

from . import parity


class TranslationParityPanel(Component):
    name = "translation_parity"
    template_name = "editorial/translation_parity_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        return {"counts": parity.summary()}
