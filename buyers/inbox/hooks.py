"""The inbox's admin registrations (imported by buyers/wagtail_hooks.py): views, menu, panel."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy

from buyers.models import SupportRequest

from . import form_submissions  # noqa: F401  (registers the Forms menu's permission checks)
from .panels import SupportInboxPanel
from .views import SupportRequestViewSet


def can_view(user):
    return ModelPermissionPolicy(SupportRequest).user_has_permission(user, "view")


@hooks.register("insert_global_admin_css")
def inbox_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("buyers/inbox.css"))


@hooks.register("register_admin_viewset")
def support_request_inbox():
    return SupportRequestViewSet("support_requests")


@hooks.register("construct_homepage_panels")
def support_inbox_panel(request, panels):
    if can_view(request.user):
        panels.append(SupportInboxPanel())


class InboxReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


@hooks.register("register_reports_menu_item")
def support_request_report_menu_item():
    return InboxReportMenuItem(
        _("Support requests"),
        reverse("support_requests:report"),
        name="support-requests-report",
        icon_name="mail",
        order=70,
    )
