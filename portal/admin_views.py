"""The admin's "Create FAQ draft" on an answered support request (a button in buyers' inbox)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from buyers.models import SupportRequest

from .faq_drafts import FAQDraftForm, create_draft, proposal


def can_draft(user):
    return user.has_perm("portal.add_faqentry")


class FAQDraftFromRequestView(WagtailAdminTemplateMixin, FormView):
    template_name = "portal/admin/faq_draft_from_request.html"
    form_class = FAQDraftForm
    page_title = _("Create FAQ draft")
    header_icon = "help"

    def dispatch(self, request, *args, **kwargs):
        self.support_request = get_object_or_404(
            SupportRequest.objects.select_related("page"), pk=kwargs["pk"]
        )
        if not can_draft(request.user) or not request.user.has_perm("buyers.view_supportrequest"):
            return permission_denied(request)
        if self.support_request.first_answered_at is None:
            messages.error(request, _("Answer the request before turning it into an FAQ entry."))
            return redirect(self.edit_request_url())
        return super().dispatch(request, *args, **kwargs)

    def edit_request_url(self):
        return reverse("support_requests:edit", args=[self.support_request.pk])

    def get_page_subtitle(self):
        return str(self.support_request)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("support_requests:index"), "label": _("Support requests")},
            {"url": self.edit_request_url(), "label": str(self.support_request)},
            {"url": "", "label": self.page_title},
        ]

    def get_initial(self):
        return proposal(self.support_request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(support_request=self.support_request, cancel_url=self.edit_request_url())
        return context

    def form_valid(self, form):
        entry = create_draft(self.support_request, form.cleaned_data, self.request.user)
        messages.success(
            self.request,
            _(
                "Draft FAQ entry created in %(language)s. Add the other language, then submit "
                "it for moderation: it is not on the site until a moderator publishes it."
            )
            % {"language": self.support_request.get_language_display()},
        )
        return redirect(AdminURLFinder(self.request.user).get_edit_url(entry))


def request_actions(request, support_request):
    """Buttons on a request in the inbox: its FAQ entries, and "Create FAQ draft" once answered."""
    if not can_draft(request.user):
        return []
    finder = AdminURLFinder(request.user)
    actions = [
        {
            "label": _("FAQ entry: %(question)s") % {"question": entry},
            "url": finder.get_edit_url(entry),
        }
        for entry in support_request.faq_entries.all()
    ]
    if support_request.first_answered_at:
        url = reverse("portal_faq_draft_from_request", args=[support_request.pk])
        actions.append({"label": _("Create FAQ draft"), "url": url})
    return actions
