"""Staff see confirmed newsletter subscribers and export them as CSV or Excel."""

from django.utils.translation import gettext_lazy as _

from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView

from buyers.inbox import hooks as inbox_hooks  # noqa: F401  (registers the support-request inbox)
from buyers.models import Subscriber
from core.admin_empty_state import RESULTS_TEMPLATE, with_empty_state
from core.admin_language import SnippetViewSet
from core.spreadsheet_export import safe_export_class
from core.view_restricted_admin import ViewRequiredPolicy, ViewRestrictedChooserViewSet

# Addresses are personal data: only those who may view subscribers (superusers by default)
# reach any admin address of them, the chooser included.
register_permission_policy(Subscriber, ViewRequiredPolicy(Subscriber))


class SubscriberChooserViewSet(ViewRestrictedChooserViewSet):
    choose_one_text = _("Choose a subscriber")
    choose_another_text = _("Choose another subscriber")
    edit_item_text = _("Edit this subscriber")

    def get_object_list(self):
        # As the listing: sign-ups not yet confirmed are not subscribers.
        return Subscriber.objects.confirmed()


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Newsletter subscribers")
    add_to_admin_menu = True
    list_display = ["email", "language", "confirmed_at"]
    list_export = ["email", "language", "confirmed_at"]
    list_filter = ["language"]
    export_filename = "procureplus-newsletter-subscribers"
    chooser_viewset_class = SubscriberChooserViewSet
    index_results_template_name = RESULTS_TEMPLATE
    # CSV/XLSX: formulas neutralised, UTF-8. Subscribers sign up and confirm themselves: no add.
    index_view_class = safe_export_class(
        with_empty_state(
            IndexView,
            written_by_portal=True,
            empty_message=_(
                "No confirmed subscribers yet. Visitors subscribe on the newsletter page and"
                " appear here once they confirm their address."
            ),
            filtered_message=_("No subscribers match these filters."),
        )
    )

    def get_queryset(self, request):
        # Unconfirmed sign-ups are not subscribers: they are purged, never exported.
        return Subscriber.objects.confirmed()


register_snippet(SubscriberViewSet)
