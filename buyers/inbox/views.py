"""The support-request inbox in Wagtail's admin: listing, triage, answer, report."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from buyers.models import SupportRequest
from core.admin_empty_state import RESULTS_TEMPLATE, EmptyStateMixin
from core.admin_status import RecordStatusMixin
from core.csv_export import csv_response

from . import report
from .answer import NoAddress, send_answer
from .filters import SupportRequestFilterSet
from .forms import AnswerForm, TriageForm, staff_name

# Higher apps add buttons to a request (portal: "Create FAQ draft") without buyers naming them:
# each hook function takes (request, support_request) and returns [{"label": …, "url": …}].
ACTIONS_HOOK = "register_support_request_actions"


def extra_actions(request, support_request):
    return [
        button
        for fn in hooks.get_hooks(ACTIONS_HOOK)
        for button in fn(request, support_request) or []
    ]


class IndexView(EmptyStateMixin, generic.IndexView):
    default_ordering = "-submit_time"
    written_by_portal = True
    empty_message = _(
        "No support requests yet. They arrive here when a visitor sends the “Ask Procure+i” form"
        " on the public site."
    )
    filtered_message = _("No support requests match these filters.")

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("owner")

    @property
    def header_buttons(self):
        return [
            HeaderButton(_("Report"), url=reverse("support_requests:report"), icon_name="table")
        ]


class EditView(RecordStatusMixin, generic.EditView):
    template_name = "buyers/inbox/edit.html"

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.object.page.specific
        context.update(
            request_fields=[
                (label, self.object.form_data.get(name))
                for name, label in page.get_data_fields()
                if name != "submit_time"
            ],
            answer_url=reverse("support_requests:answer", args=[self.object.pk]),
            actions=extra_actions(self.request, self.object),
        )
        return context


class InboxViewMixin(WagtailAdminTemplateMixin):
    permission = "change"

    def dispatch(self, request, *args, **kwargs):
        if not ModelPermissionPolicy(SupportRequest).user_has_permission(
            request.user, self.permission
        ):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        inbox = {"url": reverse("support_requests:index"), "label": _("Support requests")}
        return [*self.breadcrumbs_items, inbox, {"url": "", "label": self.get_page_title()}]


class AnswerView(InboxViewMixin, FormView):
    template_name = "buyers/inbox/answer.html"
    form_class = AnswerForm
    page_title = _("Answer the request")
    header_icon = "mail"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(
            SupportRequest.objects.select_related("page"), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return str(self.object)

    def get_initial(self):
        return {"answer": self.object.answer}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            support_request=self.object,
            address=self.object.requester_address(),
            question=self.object.message(),
            edit_url=reverse("support_requests:edit", args=[self.object.pk]),
        )
        return context

    def form_valid(self, form):
        try:
            send_answer(self.object, form.cleaned_data["answer"], self.request.user)
        except NoAddress:
            form.add_error(None, _("This request has no e-mail address to answer."))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The answer is queued for %(address)s in %(language)s.")
            % {
                "address": self.object.requester_address(),
                "language": self.object.get_language_display(),
            },
        )
        return redirect("support_requests:edit", self.object.pk)


class ReportView(InboxViewMixin, TemplateView):
    template_name = "buyers/inbox/report.html"
    permission = "view"
    page_title = _("Support requests: report")
    header_icon = "table"

    def get(self, request, *args, **kwargs):
        rows = report.monthly_rows()
        if request.GET.get("export") == "csv":
            return self.csv(rows)
        context = self.get_context_data(rows=rows, overall=report.overall())
        return self.render_to_response(context)

    def csv(self, rows):
        header = [_("Month"), _("Topic"), _("Requests"), _("Answered"), _("Median hours to answer")]
        data = (
            [
                f"{row['month']:%Y-%m}",
                row["topic"],
                row["requests"],
                row["answered"],
                "" if row["median_hours"] is None else row["median_hours"],
            ]
            for row in rows
        )
        return csv_response("support-requests-report.csv", header, data)


class StatusColumn(Column):
    def get_value(self, instance):
        return instance.get_status_display()


class OwnerColumn(Column):
    def get_value(self, instance):
        return staff_name(instance.owner) if instance.owner else ""


class SupportRequestViewSet(ModelViewSet):
    model = SupportRequest
    icon = "mail"
    menu_label = _("Support requests")
    menu_order = 290
    add_to_admin_menu = True
    url_prefix = "support-requests"
    url_namespace = "support_requests"
    copy_view_enabled = False
    index_view_class = IndexView
    index_results_template_name = RESULTS_TEMPLATE
    edit_view_class = EditView
    filterset_class = SupportRequestFilterSet
    list_display = [
        "__str__",
        DateColumn("submit_time", label=_("Received")),
        StatusColumn("status", label=_("Status")),
        OwnerColumn("owner", label=_("Owner")),
        Column("get_language_display", label=_("Language")),
        DateColumn("first_answered_at", label=_("First answered")),
    ]
    edit_handler = ObjectList(
        [FieldPanel("status"), FieldPanel("owner"), FieldPanel("notes")],
        base_form_class=TriageForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("answer/<int:pk>/", AnswerView.as_view(), name="answer"),
            path("report/", ReportView.as_view(), name="report"),
        ]
