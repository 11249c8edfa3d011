"""The status side panel of a record that is never published (a support request, a subscriber,
a topic): Wagtail's says «Publicada» of it and counts its uses even when nothing can use it.

For a model without drafts (no DraftStateMixin) the edit view keeps only the uses, and only
where other records choose it (`usage_shown`: FAQ topics, procedure types, sectors,
organisations); the history stays one click away in the header.
"""

from wagtail.models import DraftStateMixin

from core.wagtail_internals import without_live_status


class RecordStatusMixin:
    """For an edit view (Wagtail's generic or snippet EditView)."""

    usage_shown = False  # a view option: SnippetViewSet.usage_shown passes it

    def get_side_panels(self):
        side_panels = super().get_side_panels()
        if issubclass(self.model, DraftStateMixin):
            return side_panels
        return without_live_status(side_panels, self, usage=self.usage_shown)
