"""The newsletter issue's form: a subject that can be a mail header, and items that a malformed
POST turns into a form error instead of a 500."""

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.blocks.base import BlockWidget

# Every character a mail program may take for the end of a line.
LINE_BREAKS = frozenset("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


class ReadableBlockWidget(BlockWidget):
    """The StreamField's widget, which notes data it cannot read (a missing `items-count`, a
    count that is no number…) and hands on an empty stream: Wagtail's raises, a 500."""

    malformed = False

    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (KeyError, ValueError, TypeError, IndexError):
            self.malformed = True
            return self.block_def.to_python([])


class NewsletterIssueForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].widget = ReadableBlockWidget(self.fields["items"].widget.block_def)
        self.fields["subject"].error_messages["max_length"] = _(
            "Keep the subject to %(limit_value)d characters at most (it has %(show_value)d)."
        )

    def clean_subject(self):
        subject = self.cleaned_data["subject"]
        if any(character in LINE_BREAKS for character in subject):
            raise forms.ValidationError(
                _("The subject must fit on one line: remove the line breaks.")
            )
        if any(unicodedata.category(character) == "Cc" for character in subject):
            raise forms.ValidationError(_("The subject cannot contain control characters."))
        return subject

    def clean_items(self):
        if self.fields["items"].widget.malformed:
            raise forms.ValidationError(
                _("The items could not be read. Reload the page and add them again.")
            )
        return self.cleaned_data["items"]
