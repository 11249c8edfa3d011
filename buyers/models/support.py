"""Ask Procure+i: a support request form (wagtail.contrib.forms) with consent and a honeypot."""

from django import forms
from django.conf import settings
from django.db import models
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.fields import RichTextField

from buyers.prefill import prefill
from core.form_submissions_list import submissions_list_class
from core.models import BasePage
from core.outgoing_mail import queue_mail

from .privacy_notice import PrivacyNoticeMixin
from .support_request import SupportRequest

HONEYPOT_FIELD = "website"
CONSENT_FIELD = "consent"
MESSAGE_MAX_LENGTH = 5000


class SupportFormField(AbstractFormField):
    page = ParentalKey("SupportRequestPage", on_delete=models.CASCADE, related_name="form_fields")


class SupportFormBuilder(FormBuilder):
    def create_multiline_field(self, field, options):
        options.setdefault("max_length", MESSAGE_MAX_LENGTH)  # stored and mailed: keep it bounded
        return super().create_multiline_field(field, options)


class SupportForm(forms.Form):
    """Fields every request has whatever editors configure: consent, and a trap for robots."""

    def __init__(self, *args, privacy_url="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[CONSENT_FIELD] = forms.BooleanField(
            label=_("I agree that Procure+i processes the data in this form to answer my request."),
            required=True,
            error_messages={"required": _("Please agree to the processing of your data.")},
        )
        self.privacy_url = privacy_url
        # Hidden by CSS (.trap); people never see or fill it, form-filling robots do.
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"), required=False, max_length=200
        )

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get(HONEYPOT_FIELD))

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT_FIELD]


class SupportRequestPage(AbstractEmailForm, PrivacyNoticeMixin, BasePage):
    """Stores each request as a SupportRequest (the staff's inbox; CSV export in Wagtail's Forms
    menu), queues mail to staff and the requester (sent by a task: a dead mail server never
    fails the request)."""

    home_blurb = _("Describe your need and ask the competence centre for support.")
    takes_document_requests = True  # "ask for the original" links lead here with ?document=
    form_builder = SupportFormBuilder
    max_count_per_parent = 1
    subpage_types = []  # a section: the home page type lists it among its own

    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown after a request is sent."),
    )

    content_panels = [
        *BasePage.content_panels,
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        FieldPanel("privacy_page"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Email"),
        ),
    ]

    class Meta:
        verbose_name = _("support request form")
        verbose_name_plural = _("support request forms")

    def get_form_class(self):
        fields = self.form_builder(self.get_form_fields()).formfields
        return type("SupportRequestForm", (SupportForm,), dict(fields))

    def serve(self, request, *args, **kwargs):
        # "Ask Procure+i" links from a document name it: ?document=<title> fills the message.
        self.initial_values = prefill(request.GET, self.get_form_fields)
        return super().serve(request, *args, **kwargs)

    def get_form(self, *args, **kwargs):
        kwargs.pop("page", None)  # wagtail passes page and user; this form needs neither
        kwargs.pop("user", None)
        if not args:
            kwargs.setdefault("initial", getattr(self, "initial_values", {}))
        return self.get_form_class()(*args, privacy_url=self.privacy_url(), **kwargs)

    def get_submission_class(self):
        return SupportRequest

    def get_submissions_list_view_class(self):
        # The Forms menu: exports neutralised, deleting offered only to those who may delete.
        return submissions_list_class(super().get_submissions_list_view_class())

    def get_data_fields(self):
        return [*super().get_data_fields(), (CONSENT_FIELD, _("Consent to data processing"))]

    def process_form_submission(self, form):
        if form.is_spam:
            return None  # robots get the thank-you page; nothing is stored or mailed
        data = {k: v for k, v in form.cleaned_data.items() if k != HONEYPOT_FIELD}
        submission = SupportRequest.objects.create(
            form_data=data,
            page=self,
            language=self.locale.language_code,
            topic=self.topic_of(data),
        )
        self.send_mail(form)
        self.send_confirmation(form)
        return submission

    def topic_of(self, data):
        """The request's topic: the value of the form's first drop-down field."""
        for field in self.get_form_fields():
            if field.field_type == "dropdown":
                return str(data.get(field.clean_name) or "")[:255]
        return ""

    def staff_recipients(self):
        if self.to_address:
            return [address.strip() for address in self.to_address.split(",")]
        return settings.SUPPORT_REQUEST_RECIPIENTS

    def send_mail(self, form):
        recipients = self.staff_recipients()
        if not recipients:
            return
        subject = self.subject or _("Support request from the Procure+i portal")
        body = self.render_email(form)
        queue_mail(subject, body, recipients, from_email=self.from_address)

    def render_email(self, form):
        """The request as "label: value" lines, as the person filled it in (no honeypot)."""
        lines = []
        for field in form:
            if field.name == HONEYPOT_FIELD:
                continue
            value = form.cleaned_data.get(field.name, "")
            if isinstance(value, bool):
                value = _("Yes") if value else _("No")
            elif isinstance(value, list):
                value = ", ".join(value)
            lines.append(f"{field.label}: {value}")
        return "\n".join(lines)

    def requester_address(self, form):
        for field in self.get_form_fields():
            if field.field_type == "email" and form.cleaned_data.get(field.clean_name):
                return form.cleaned_data[field.clean_name]
        return None

    def send_confirmation(self, form):
        """A copy of the request to the requester, in the page's language."""
        address = self.requester_address(form)
        if not address:
            return
        with translation.override(self.locale.language_code):
            subject = str(_("Procure+i: we received your request"))
            body = render_to_string(
                "emails/support_request_confirmation.txt",
                {"page": self, "summary": self.render_email(form)},
            )
            queue_mail(subject, body, [address], from_email=self.from_address)
