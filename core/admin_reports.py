"""Wagtail's own reports (locked and aging pages, site history, workflows, page types) with safe
spreadsheet exports: Wagtail's views and addresses, matched before Wagtail's own (see
procureplus/urls.py), since Wagtail's built-in admin addresses cannot be replaced by a hook."""

from django.urls import path

from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import reports
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from core.spreadsheet_export import safe_export_class


def safe_report(pattern):
    view = pattern.callback
    view_class = safe_export_class(view.view_class)
    return path(
        str(pattern.pattern), require_admin_access(view_class.as_view(**view.view_initkwargs))
    )


urlpatterns = [
    safe_report(pattern)
    for pattern in reports.urlpatterns
    if issubclass(getattr(pattern.callback, "view_class", object), SpreadsheetExportMixin)
]
