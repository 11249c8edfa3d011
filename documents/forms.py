"""The admin's document form: both titles shown, Wagtail's own title kept in step."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.documents.widgets import AdminDocumentChooser

from core.upload_storage import StoredWhileValidatedMixin
from documents.file_checks import check_upload

DEFAULTED_CHOICES = ("category", "file_language")
# Wagtail's title field has no help; its two translations get one here, in the form.
TITLE_HELP = {
    "title_pt": _("The title in Portuguese, as visitors of the Portuguese site see it."),
    "title_en": _("The title in English; left empty, the Portuguese title is copied into it."),
}


class LibraryDocumentForm(StoredWhileValidatedMixin, BaseDocumentForm):
    """Hides `title` (multiple upload needs it); fills it and any empty title from the other.
    A storage that refuses the file gives the form back (core/upload_storage.py)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "title" in self.fields:
            self.fields["title"].widget = forms.HiddenInput()
            self.fields["title"].required = False
        for name, help_text in TITLE_HELP.items():
            if name in self.fields:
                self.fields[name].help_text = help_text
        if "format_of" in self.fields:  # a chooser, not a list of every document
            self.fields["format_of"].widget = AdminDocumentChooser()
        # Multiple upload posts only the file: choices fall back to the model's defaults.
        for name in DEFAULTED_CHOICES:
            if name in self.fields:
                self.fields[name].required = False

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded is not None and hasattr(uploaded, "content_type"):  # a new upload
            check_upload(uploaded)
        return uploaded

    def clean_format_of(self):
        first = self.cleaned_data.get("format_of")
        if first and (first.pk == self.instance.pk or first.format_of_id):
            raise forms.ValidationError(
                _("Choose the document's first format: not this document, nor a second format.")
            )
        return first

    def clean(self):
        cleaned = super().clean()
        uploaded = cleaned.get("file")
        fallback = getattr(uploaded, "name", "") or getattr(self.instance, "filename", "")
        title = (
            cleaned.get("title_pt") or cleaned.get("title_en") or cleaned.get("title") or fallback
        )
        cleaned["title"] = title
        for name in DEFAULTED_CHOICES:
            if name in self.fields and not cleaned.get(name):
                cleaned[name] = self._meta.model._meta.get_field(name).get_default()
        for code in ("pt", "en"):
            if f"title_{code}" in self.fields and not cleaned.get(f"title_{code}"):
                cleaned[f"title_{code}"] = title
        return cleaned
