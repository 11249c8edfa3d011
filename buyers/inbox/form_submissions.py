"""Wagtail's Forms menu follows the inbox's permissions: support requests are listed and exported
there by those who may view them, and deleted only by those who may delete them.

Stock Wagtail lets anyone who may edit a form page list, export and delete its submissions.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path

from wagtail import hooks
from wagtail.contrib.forms import views as form_views
from wagtail.contrib.forms.models import FormMixin
from wagtail.models import Page
from wagtail.permissions import policy_registry

from buyers.models import SupportRequest, SupportRequestPage


def may(user, action, submission_class=SupportRequest):
    return policy_registry.get_by_type(submission_class).user_has_permission(user, action)


@hooks.register("filter_form_submissions_for_user")
def support_requests_for_inbox_viewers(user, form_pages):
    if may(user, "view"):
        return form_pages
    return form_pages.not_type(SupportRequestPage)


class DeleteSubmissionsView(form_views.DeleteSubmissionsView):
    """Wagtail's view, after a check of the delete permission on the form's submission model
    (SupportRequest for "Ask Procure+i"; Wagtail's FormSubmission, superusers only, otherwise)."""

    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(Page, id=kwargs.get("page_id")).specific
        if not isinstance(page, FormMixin):
            raise Http404
        if not may(request.user, "delete", page.get_submission_class()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# order=-1: this address is matched before wagtail.contrib.forms' own (same path, same name).
@hooks.register("register_admin_urls", order=-1)
def delete_submissions_url():
    return [
        path(
            "forms/submissions/<int:page_id>/delete/",
            DeleteSubmissionsView.as_view(),
            name="support_request_delete_submissions",
        )
    ]
