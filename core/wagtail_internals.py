"""Every use of a Wagtail internal outside its documented API, in one module.

Each one saves measured work on every page (docs/upgrading.md has the numbers), and each was
written for the Wagtail release in WRITTEN_FOR: tests/core/test_wagtail_internals.py fails when
another release is installed, or when Wagtail stops behaving as these rely on, so an upgrade
re-reads this module before anything else.
"""

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
