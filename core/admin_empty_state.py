"""What an empty admin listing says: where its records come from, and a link to add one only
where staff add them by hand (Wagtail's "There are no … to display. Why not add one?" reads
badly in Portuguese and offers forms for records only the portal writes)."""

from django.utils.functional import cached_property

RESULTS_TEMPLATE = "core/admin/index_results.html"  # a viewset's index_results_template_name


class EmptyStateMixin:
    """For an IndexView: `empty_message` when nothing is listed, `filtered_message` when a search
    or filter finds nothing; `add_label` names the add link (none when `written_by_portal`)."""

    empty_message = ""
    filtered_message = ""
    add_label = ""
    written_by_portal = False  # records arrive from public forms or the portal: no add button

    def get_add_url(self):
        return None if self.written_by_portal else super().get_add_url()

    @cached_property
    def no_results_message(self):
        if self.is_searching or self.is_filtering:
            return self.filtered_message or super().no_results_message
        return self.empty_message or super().no_results_message

    def get_context_data(self, *args, **kwargs):
        return super().get_context_data(*args, add_label=self.add_label, **kwargs)


def with_empty_state(view_class, **attrs):
    """`view_class` with EmptyStateMixin and the given texts."""
    return type(view_class.__name__, (EmptyStateMixin, view_class), attrs)
