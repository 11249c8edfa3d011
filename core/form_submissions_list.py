"""The Forms menu's list of a form's submissions: safe exports (core.spreadsheet_export), and the
select boxes and "delete" button only for those who may delete (the delete view refuses others).
"""

from functools import cache

from wagtail.permissions import policy_registry

from core.spreadsheet_export import safe_export_class


class DeleteOnlyIfAllowed:
    read_only_results_template_name = "core/form_submissions_read_only.html"

    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(kwargs["form_page"].get_submission_class())
        if not policy.user_has_permission(request.user, "delete"):
            self.results_template_name = self.read_only_results_template_name
        return super().dispatch(request, *args, **kwargs)


@cache
def submissions_list_class(view_class):
    """`view_class` (Wagtail's SubmissionsListView) with both guards; one class per view class."""
    return type(view_class.__name__, (DeleteOnlyIfAllowed, safe_export_class(view_class)), {})
