"""The download report's period: two days, the first not after the second, at most ten years."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_DAYS = 30
LONGEST_PERIOD = datetime.timedelta(days=3660)
TOP_CHOICES = [(10, "10"), (25, "25"), (50, "50")]


class PeriodForm(forms.Form):
    start = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("First day counted. Empty: 30 days before the last day."),
    )
    end = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Last day counted. Empty: today."),
    )
    top = forms.TypedChoiceField(
        label=_("Documents shown"),
        choices=TOP_CHOICES,
        coerce=int,
        required=False,
        empty_value=TOP_CHOICES[0][0],
        help_text=_("How many of the most downloaded documents to list."),
    )

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        end = cleaned.get("end") or timezone.localdate()
        start = cleaned.get("start") or end - datetime.timedelta(days=DEFAULT_DAYS - 1)
        if start > end:
            raise forms.ValidationError(_("The first day must not be after the last day."))
        if end - start > LONGEST_PERIOD:
            raise forms.ValidationError(_("Choose a period of at most ten years."))
        cleaned.update(start=start, end=end, top=cleaned.get("top") or TOP_CHOICES[0][0])
        return cleaned
