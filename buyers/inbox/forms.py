"""The inbox's forms: triage (status, owner, notes), the answer, and who may own a request."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permission_policies import ModelPermissionPolicy

from buyers.models import SupportRequest

ANSWER_MAX_LENGTH = 10000


def staff_who_handle_requests():
    """Active users who may change requests (Editors, Moderators, superusers), by name."""
    users = ModelPermissionPolicy(SupportRequest).users_with_permission("change")
    return users.filter(is_active=True).order_by("first_name", "last_name", "pk")


def staff_name(user):
    return user.get_full_name() or user.get_username()


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return staff_name(obj)


class TriageForm(WagtailAdminModelForm):
    class Meta:
        model = SupportRequest
        fields = ["status", "owner", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        owner = self.fields["owner"]
        self.fields["owner"] = StaffChoiceField(
            queryset=staff_who_handle_requests(),
            required=False,
            label=owner.label,
            help_text=owner.help_text,
        )

    def clean(self):
        cleaned = super().clean()
        # Taking a new request means working on it: the status follows the owner.
        if cleaned.get("owner") and cleaned.get("status") == SupportRequest.Status.NEW:
            cleaned["status"] = SupportRequest.Status.IN_PROGRESS
        return cleaned


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Answer text"),
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Mailed to the requester in the request's language and kept with the request. "
            "Internal notes are never included."
        ),
    )

    def clean_answer(self):
        answer = self.cleaned_data["answer"].replace("\r\n", "\n").strip()
        if not answer:
            raise forms.ValidationError(_("Write the answer."))
        return answer
