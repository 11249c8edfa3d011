"""Staff see confirmed newsletter subscribers and export them as CSV or Excel."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from buyers.inbox import hooks as inbox_hooks  # noqa: F401  (registers the support-request inbox)
from buyers.models import Subscriber


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Newsletter subscribers")
    add_to_admin_menu = True
    list_display = ["email", "language", "confirmed_at"]
    list_export = ["email", "language", "confirmed_at"]
    list_filter = ["language"]
    export_filename = "procureplus-newsletter-subscribers"

    def get_queryset(self, request):
        # Unconfirmed sign-ups are not subscribers: they are purged, never exported.
        return Subscriber.objects.confirmed()


register_snippet(SubscriberViewSet)
