"""Every use of a Wagtail internal outside its documented API, in one module.

Each one saves measured work on every page (docs/upgrading.md has the numbers) or words a screen
as no public option can (the status panel of records never published), and each was
written for the Wagtail release in WRITTEN_FOR: tests/core/test_wagtail_internals.py fails when
another release is installed, or when Wagtail stops behaving as these rely on, so an upgrade
re-reads this module before anything else.
"""

from wagtail.admin.ui.components import MediaContainer
from wagtail.admin.ui.side_panels import StatusSidePanel
from wagtail.models.pages import COMMENTS_RELATION_NAME

WRITTEN_FOR = "8.0"  # Wagtail's major.minor release these were checked against

# What saving a draft (save_revision of a page or of a moderated snippet) writes on the live row:
# nothing a visitor sees (Page.save_revision's and RevisionMixin.save_revision's update_fields).
DRAFT_FIELDS = frozenset(
    {
        COMMENTS_RELATION_NAME,
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
    }
)


def preset_site(request, site):
    """Site.find_for_request(request) answers `site` from now on, without its query.

    Wagtail keeps the site it found on the request (its docstring names request._wagtail_site).
    """
    request._wagtail_site = site


def preset_route(request, result):
    """Page.route_for_request(request, …), hence Wagtail's serve view, answers `result` without
    the tree walk (its docstring names request._wagtail_route_for_request)."""
    request._wagtail_route_for_request = result


def preset_parent(page, parent):
    """page.get_parent() answers `parent` without a query, as Wagtail's Page.route leaves a child
    it walked to (treebeard keeps the parent in page._cached_parent_obj)."""
    page._cached_parent_obj = parent


def set_document_file_metadata(document):
    """file_size and file_hash from the document's file, as Wagtail's upload form sets them."""
    document._set_document_file_metadata()


# The status side panel's first row: "Live" («Publicada») with the history link, which Wagtail
# shows for every model, published or not (StatusSidePanel.get_status_templates).
LIVE_ROW_TEMPLATE = "wagtailadmin/shared/side_panels/includes/status/workflow.html"


class UsageSidePanel(StatusSidePanel):
    """Wagtail's status side panel without its "Live" row: the uses and the model's name."""

    def get_status_templates(self, context):
        return [t for t in super().get_status_templates(context) if t != LIVE_ROW_TEMPLATE]


def without_live_status(side_panels, view, *, usage):
    """An edit view's side panels (EditView.get_side_panels()) with its status panel replaced by
    a UsageSidePanel when `usage`, left out otherwise; the others (preview, checks) kept."""
    kept = [panel for panel in side_panels if not isinstance(panel, StatusSidePanel)]
    if usage:
        kept.insert(0, UsageSidePanel(view.object, view.request, usage_url=view.get_usage_url()))
    return MediaContainer(kept)
