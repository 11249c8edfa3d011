"""One "Ask Procure+i" request, as the staff's inbox holds it: the form's data, and its handling."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.models import AbstractFormSubmission


class SupportRequest(AbstractFormSubmission):
    """The page's form submission class: status, owner, notes and answer sit beside the data."""

    shown_on_pages = False  # no page shows a request: a submission leaves cached pages alone

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    OPEN = (Status.NEW, Status.IN_PROGRESS)

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.NEW,
        help_text=_("New, in progress, answered or closed; answering sets “answered”."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The member of staff who handles the request."),
    )
    notes = models.TextField(
        _("internal notes"),
        blank=True,
        help_text=_("For staff only: never shown or mailed to the requester."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        help_text=_("The language of the form the request came from; the answer is mailed in it."),
    )
    topic = models.CharField(
        _("topic"),
        max_length=255,
        blank=True,
        help_text=_("The requester's choice in the form's first drop-down field."),
    )
    answer = models.TextField(
        _("answer"), blank=True, help_text=_("The last answer mailed to the requester.")
    )
    first_answered_at = models.DateTimeField(
        _("first answered"),
        null=True,
        blank=True,
        help_text=_("When the first answer was mailed; later answers leave it as it is."),
    )

    class Meta:
        verbose_name = _("support request")
        verbose_name_plural = _("support requests")
        ordering = ["-submit_time", "-pk"]
        indexes = [models.Index(fields=["status", "submit_time"])]

    def __str__(self):
        when = timezone.localtime(self.submit_time).strftime("%Y-%m-%d") if self.submit_time else ""
        return f"#{self.pk} {when} {self.topic}".strip()

    def field_value(self, field_type):
        """The value of the form's first field of this type (its label and name vary by page)."""
        for field in self.page.specific.get_form_fields():
            if field.field_type == field_type:
                return self.form_data.get(field.clean_name) or ""
        return ""

    def requester_address(self):
        return self.field_value("email")

    def message(self):
        return self.field_value("multiline")

    def personal_values(self):
        """What the requester typed in the one-line and e-mail fields (name, organisation, role)."""
        kinds = {"singleline", "email", "url", "number"}
        names = [
            f.clean_name for f in self.page.specific.get_form_fields() if f.field_type in kinds
        ]
        return [str(self.form_data[n]) for n in names if self.form_data.get(n)]
