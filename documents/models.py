from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument


class LibraryDocument(AbstractDocument):
    """A downloadable file of the library; title and description exist in PT and EN."""

    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One or two sentences on what the file contains."),
    )

    admin_form_fields = ("title", "file", "collection", "tags", "description")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]
