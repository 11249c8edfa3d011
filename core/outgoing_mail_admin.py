"""Staff see the mail queue (Settings > Outgoing messages, read-only) and send failed mail again."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import ListingButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import IndexView, InspectView, UsageView

from core.admin_empty_state import RESULTS_TEMPLATE, with_empty_state
from core.admin_language import SnippetViewSet
from core.models import OutgoingMail
from core.outgoing_mail import send_again
from core.view_restricted_admin import ViewRequiredPolicy, ViewRestrictedChooserViewSet

SEND_AGAIN_PERMISSION = "core.change_outgoingmail"
VIEW_PERMISSION = "core.view_outgoingmail"


def may_send_again(user):
    # The send-again page shows the mail: it needs the view permission as every other address.
    return user.has_perm(VIEW_PERMISSION) and user.has_perm(SEND_AGAIN_PERMISSION)


class ReadOnlyPolicy(ViewRequiredPolicy):
    """Mail is written by the portal, never by hand: no add or edit forms; only those who may
    view it (superusers by default) reach any of its admin addresses."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)


register_permission_policy(OutgoingMail, ReadOnlyPolicy(OutgoingMail))


class SendAgainView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/outgoing_mail_send_again.html"
    page_title = _("Send again")

    def dispatch(self, request, pk):
        if not may_send_again(request.user):
            raise PermissionDenied
        self.mail = get_object_or_404(OutgoingMail, pk=pk, status=OutgoingMail.Status.FAILED)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.mail)

    def get_context_data(self, **kwargs):
        return super().get_context_data(mail=self.mail, index_url=index_url(), **kwargs)

    def post(self, request, pk):
        send_again(self.mail)
        messages.success(request, _("The mail is queued to be sent again."))
        return redirect(index_url())


class MailUsageView(UsageView):
    permission_required = "view"  # Wagtail asks for "change", which no one has on mail


class MailInspectView(InspectView):
    """Recipients as a list and an empty value as a dash, not Python's ['…'] and None."""

    def get_recipients_display_value(self):
        return self.object.recipient_list

    def get_language_display_value(self):
        return dict(settings.LANGUAGES).get(self.object.language, self.object.language)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None or value == "" else value


def index_url():
    return reverse(OutgoingMailViewSet.url_namespace + ":list")


class OutgoingMailViewSet(SnippetViewSet):
    model = OutgoingMail
    icon = "mail"
    url_prefix = "outgoing-mail"
    url_namespace = "outgoing_mail"
    menu_label = _("Outgoing messages")  # as the heading and the counter: «2 mensagens de saída»
    add_to_settings_menu = True
    inspect_view_enabled = True
    chooser_viewset_class = ViewRestrictedChooserViewSet
    usage_view_class = MailUsageView
    inspect_view_class = MailInspectView
    index_results_template_name = RESULTS_TEMPLATE
    index_view_class = with_empty_state(
        IndexView,
        written_by_portal=True,
        empty_message=_(
            "No mail yet. The portal queues here the answers to support requests, the"
            " confirmations of forms and the newsletter issues it sends."
        ),
        filtered_message=_("No mail matches these filters."),
    )
    list_display = [
        "subject",
        Column("recipient_list", label=_("Recipients")),
        "status",
        "attempts",
        "next_attempt_at",
        "created_at",
    ]
    list_filter = ["status"]
    search_fields = ["subject"]
    search_backend_name = None
    inspect_view_fields = [
        "subject",
        "from_email",
        "recipients",
        "language",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "created_at",
        "sent_at",
        "body",
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/send-again/", SendAgainView.as_view(), name="send_again"),
        ]


def send_again_button(mail, user):
    if mail.status == OutgoingMail.Status.FAILED and may_send_again(user):
        url = reverse(OutgoingMailViewSet.url_namespace + ":send_again", args=[mail.pk])
        yield ListingButton(_("Send again"), url, icon_name="mail", priority=10)
