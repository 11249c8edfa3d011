from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    """The six-digit code of the authenticator app, or one recovery code."""

    otp_token = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The 6-digit code your authenticator app shows now, or one recovery code."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def clean_otp_token(self):
        # People type codes with spaces or dashes ("123 456", "abcd-efgh").
        return "".join(ch for ch in self.cleaned_data["otp_token"] if ch.isalnum()).lower()


class EnrolForm(forms.Form):
    otp_token = forms.CharField(
        label=_("First code"),
        max_length=16,
        help_text=_("The 6-digit code the app shows after adding the account."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
            }
        ),
    )

    def clean_otp_token(self):
        return "".join(ch for ch in self.cleaned_data["otp_token"] if ch.isdigit())
