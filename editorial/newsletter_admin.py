"""Newsletter issues in the admin: compose (with proposed items), preview, test, send, log.

Editors draft and send tests; only a user with `buyers.send_newsletterissue` (Moderators)
sends or schedules an issue.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import HeaderButton, ListingButton
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView

from buyers.models import NewsletterIssue, Subscriber
from buyers.newsletter_render import preview_response
from buyers.newsletter_sending import send_test, start_sending
from core.admin_empty_state import RESULTS_TEMPLATE, with_empty_state
from core.admin_language import SnippetViewSet
from core.admin_status import RecordStatusMixin

from .newsletter_form import NewsletterIssueForm
from .newsletter_proposals import as_stream, proposed_items, since_for

SEND_PERMISSION = "buyers.send_newsletterissue"
DRAFT_PERMISSION = "buyers.change_newsletterissue"
LANGUAGES = dict(NewsletterIssue._meta.get_field("language").choices)


def send_url(issue):
    return reverse(NewsletterIssueViewSet.url_namespace + ":send", args=[issue.pk])


class IssueCreateView(CreateView):
    """A new issue starts with the proposed items of its language (?language=en for English)."""

    def get_initial_form_instance(self):
        language = self.request.GET.get("language", "")
        issue = NewsletterIssue(language=language if language in LANGUAGES else None)
        if issue.language is None:
            issue.language = NewsletterIssue._meta.get_field("language").default
        if self.request.method == "GET":  # a POST brings the items the editor kept
            issue.items = as_stream(proposed_items(issue.language))
        return issue

    def get_success_url(self):
        return send_url(self.object)


class IssueEditView(RecordStatusMixin, EditView):
    """Only an issue not yet sending can change; the send page has its own header button."""

    def dispatch(self, request, *args, **kwargs):
        issue = get_object_or_404(NewsletterIssue, pk=kwargs.get("pk"))
        if not issue.is_editable:
            messages.warning(request, _("This issue is being sent or was sent: it cannot change."))
            return redirect(send_url(issue))
        return super().dispatch(request, *args, **kwargs)

    @property
    def header_buttons(self):
        button = HeaderButton(_("Preview and send"), url=send_url(self.object), icon_name="mail")
        return [*super().header_buttons, button]


class IssueSendView(WagtailAdminTemplateMixin, TemplateView):
    """The issue's page: previews, test, proposed items, send or schedule, and the log."""

    template_name = "editorial/newsletter_send.html"
    header_icon = "mail"
    page_title = _("Newsletter issue")
    actions = {"test", "propose", "send", "schedule", "unschedule"}
    moderator_actions = {"send", "schedule", "unschedule"}

    def dispatch(self, request, pk):
        if not request.user.has_perm(DRAFT_PERMISSION):
            raise PermissionDenied
        self.issue = get_object_or_404(NewsletterIssue, pk=pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.issue)

    def get_breadcrumbs_items(self):
        index = reverse(NewsletterIssueViewSet.url_namespace + ":list")
        return [
            *self.breadcrumbs_items,
            {"url": index, "label": NewsletterIssueViewSet.menu_label},
            {"url": "", "label": str(self.issue)},
        ]

    def get_context_data(self, **kwargs):
        issue = self.issue
        namespace = NewsletterIssueViewSet.url_namespace
        return super().get_context_data(
            issue=issue,
            language_name=LANGUAGES.get(issue.language, issue.language),
            counts=issue.delivery_counts(),
            recipients=Subscriber.objects.confirmed().filter(language=issue.language).count(),
            can_send=self.request.user.has_perm(SEND_PERMISSION),
            edit_url=reverse(namespace + ":edit", args=[issue.pk]),
            preview_html_url=reverse(namespace + ":preview_mail", args=[issue.pk, "html"]),
            preview_text_url=reverse(namespace + ":preview_mail", args=[issue.pk, "text"]),
            since=since_for(issue.language),
            **kwargs,
        )

    def post(self, request, pk):
        action = request.POST.get("action", "")
        if action not in self.actions:
            messages.error(request, _("Unknown action."))
            return redirect(send_url(self.issue))
        if action in self.moderator_actions and not request.user.has_perm(SEND_PERMISSION):
            # Editors draft, moderators send: the same page, with the reason, as a 403.
            messages.error(request, _("Only moderators send or schedule the newsletter."))
            return self.render_to_response(self.get_context_data(), status=403)
        if action != "test" and not self.issue.is_editable:
            messages.error(request, _("This issue is being sent or was sent: it cannot change."))
            return redirect(send_url(self.issue))
        getattr(self, action)(request)
        return redirect(send_url(self.issue))

    def test(self, request):
        address = request.user.email
        if not address:
            messages.error(request, _("Your account has no email address: add one to get tests."))
            return
        send_test(self.issue, address)
        messages.success(request, _("A test is on its way to %(address)s.") % {"address": address})

    def propose(self, request):
        """Add the proposed items the issue does not link to yet, after its own."""
        known = {block.value["link"] for block in self.issue.items}
        found = proposed_items(self.issue.language)
        new = [entry for entry in found if entry["link"] not in known]
        self.issue.items.extend(as_stream(new))
        self.issue.save(update_fields=["items"])
        added = ngettext("%(count)d new item added.", "%(count)d new items added.", len(new))
        messages.success(request, added % {"count": len(new)})

    def send(self, request):
        start_sending(self.issue)
        messages.success(request, _("Sending has started; the log below shows its progress."))

    def schedule(self, request):
        if self.issue.scheduled_at is None or self.issue.scheduled_at <= timezone.now():
            messages.error(request, _("Set a future “send at” time on the issue first."))
            return
        self.issue.status = NewsletterIssue.Status.SCHEDULED
        self.issue.save(update_fields=["status"])
        messages.success(request, _("The issue will be sent at the time set."))

    def unschedule(self, request):
        self.issue.status = NewsletterIssue.Status.DRAFT
        self.issue.save(update_fields=["status"])
        messages.success(request, _("The issue is a draft again."))


def preview_mail(request, pk, mode):
    """The mail as a subscriber sees it, in a tab of its own: HTML or plain text."""
    if not request.user.has_perm(DRAFT_PERMISSION):
        raise PermissionDenied
    if mode not in ("html", "text"):
        raise Http404
    return preview_response(get_object_or_404(NewsletterIssue, pk=pk), mode)


class NewsletterIssueViewSet(SnippetViewSet):
    model = NewsletterIssue
    icon = "mail"
    menu_label = _("Newsletter issues")
    menu_order = 290
    add_to_admin_menu = True
    url_prefix = "newsletter-issues"
    url_namespace = "newsletter_issues"
    copy_view_enabled = False
    add_view_class = IssueCreateView
    index_results_template_name = RESULTS_TEMPLATE
    index_view_class = with_empty_state(
        IndexView,
        empty_message=_("No newsletter issues yet."),
        filtered_message=_("No newsletter issues match these filters."),
        add_label=_("Write the first issue"),
    )
    edit_view_class = IssueEditView
    list_display = [
        "subject",
        "language",
        "status",
        "scheduled_at",
        Column("sent_at", label=_("Sent on")),
    ]
    list_filter = ["language", "status"]
    search_fields = ["subject"]
    search_backend_name = None
    edit_handler = ObjectList(NewsletterIssue.panels, base_form_class=NewsletterIssueForm)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/send/", IssueSendView.as_view(), name="send"),
            path("<int:pk>/preview/<str:mode>/", preview_mail, name="preview_mail"),
        ]


def send_page_button(issue, user, next_url=None):
    if isinstance(issue, NewsletterIssue) and user.has_perm(DRAFT_PERMISSION):
        yield ListingButton(_("Preview and send"), send_url(issue), icon_name="mail", priority=5)
