"""Staff see confirmed newsletter subscribers and export them as CSV or Excel."""

from django.utils.translation import gettext_lazy as _

from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from buyers.inbox import hooks as inbox_hooks  # noqa: F401  (registers the support-request inbox)
from buyers.models import Subscriber
from core.spreadsheet_export import safe_export_class
from core.view_restricted_admin import ViewRequiredPolicy, ViewRestrictedChooserViewSet

# Addresses are personal data: only those who may view subscribers (superusers by default)
# reach any admin address of them, the chooser included.
register_permission_policy(Subscriber, ViewRequiredPolicy(Subscriber))


class SubscriberChooserViewSet(ViewRestrictedChooserViewSet):
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
    index_view_class = safe_export_class(IndexView)  # CSV/XLSX: formulas neutralised, UTF-8

    def get_queryset(self, request):
        # Unconfirmed sign-ups are not subscribers: they are purged, never exported.
        return Subscriber.objects.confirmed()


register_snippet(SubscriberViewSet)
