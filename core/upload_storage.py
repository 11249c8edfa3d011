"""A new file is written to storage while its form is validated, not when the row is saved.

A storage that refuses the file (disk full, read-only folder, permissions, object storage
unreachable) then gives the form back, with what the editor typed and a message in their
language, instead of a 500 after half the work: no row is saved without its file, and the
old file of an edited record is still there. Each refusal is logged at ERROR.
"""

import logging

from django.utils.translation import gettext_lazy as _

from wagtail.images.forms import BaseImageForm

logger = logging.getLogger(__name__)

try:  # django-storages' S3 backend raises botocore's errors, which are not OSErrors
    from botocore.exceptions import BotoCoreError, ClientError

    STORAGE_ERRORS = (OSError, BotoCoreError, ClientError)
except ImportError:  # pragma: no cover - botocore comes with django-storages[s3]
    STORAGE_ERRORS = (OSError,)

STORAGE_REFUSED = _(
    "The file could not be stored: the server's file storage refused it. Nothing was saved."
    " Try again in a few minutes, and tell the site's administrators if it happens again."
)


class StoredWhileValidatedMixin:
    """For a ModelForm with a file field: put it before the form class it extends."""

    file_field_name = "file"
    stored_file = None  # (storage, name) of the file this form wrote

    def _post_clean(self):
        super()._post_clean()
        if not self._errors:  # only a form otherwise valid stores anything
            self.store_new_file()

    def store_new_file(self):
        field_file = getattr(self.instance, self.file_field_name, None)
        if not field_file or getattr(field_file, "_committed", True):
            return  # no new upload: the stored file stays as it is
        try:
            field_file.save(field_file.name, field_file.file, save=False)
        except STORAGE_ERRORS:
            logger.exception(
                "Storage refused the upload %r for %s",
                field_file.name,
                type(self.instance).__name__,
            )
            self.add_error(self.file_field_name, STORAGE_REFUSED)
            return
        stored = getattr(self.instance, self.file_field_name)
        self.stored_file = (stored.storage, stored.name)

    def save(self, commit=True):
        try:
            return super().save(commit=commit)
        except BaseException:
            self.discard_stored_file()  # no file left without its row
            raise

    def discard_stored_file(self):
        if self.stored_file:
            storage, name = self.stored_file
            try:
                storage.delete(name)
            except STORAGE_ERRORS:
                logger.exception("Could not remove %r after a failed save", name)


class ImageForm(StoredWhileValidatedMixin, BaseImageForm):
    """Wagtail's image form (WAGTAILIMAGES_IMAGE_FORM_BASE), storing the file as it validates."""
