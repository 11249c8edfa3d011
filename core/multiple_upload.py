"""Wagtail's multiple upload (documents, images) when the storage refuses a file: the page's
script gets the reason, never a 500.

Two writes of Wagtail's happen outside any form check: the temporary upload it keeps when
another field is invalid, and the move of that file to the new record at the second step.
"""

import logging

from django.http import JsonResponse
from django.template.loader import render_to_string
from django.urls import path, reverse

from wagtail.documents.views import multiple as document_views
from wagtail.images.views import multiple as image_views

from core.upload_storage import STORAGE_ERRORS, STORAGE_REFUSED

logger = logging.getLogger(__name__)


class StorageRefusalAnswered:
    refused_form = None  # the second step's form, given back with the reason

    def get_edit_form_class(self):
        base, view = super().get_edit_form_class(), self

        def __init__(form, *args, **kwargs):
            base.__init__(form, *args, **kwargs)
            if getattr(view, "upload", None):  # the second step: the temporary upload's file
                # The model's checks (a document's extension) look at it before it is moved.
                form.instance.file = view.upload.file.name

        return type(base.__name__, (base,), {"__init__": __init__})

    def save_object(self, form):
        self.refused_form = form
        return super().save_object(form)

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except STORAGE_ERRORS:
            logger.exception("Storage refused a multiple upload (%s)", type(self).__name__)
        if self.refused_form is None:  # the first step: the upload's row shows the message
            return JsonResponse({"success": False, "error_message": str(STORAGE_REFUSED)})
        self.refused_form.add_error(None, STORAGE_REFUSED)
        context = {
            self.context_upload_name: self.upload,
            "edit_action": reverse(self.edit_upload_url_name, args=(self.upload.id,)),
            "delete_action": reverse(self.delete_upload_url_name, args=(self.upload.id,)),
            "form": self.refused_form,
        }
        form_html = render_to_string(self.edit_form_template_name, context, request=request)
        return JsonResponse({"success": False, "form": form_html})


def answered(view_class):
    return type(view_class.__name__, (StorageRefusalAnswered, view_class), {}).as_view()


def admin_urls():
    """Wagtail's own addresses and names, matched before Wagtail's (register_admin_urls order)."""
    pairs = [
        ("documents", "document", document_views, "wagtaildocs"),
        ("images", "image", image_views, "wagtailimages"),
    ]
    urls = []
    for folder, kind, views, namespace in pairs:
        create_view = getattr(views, f"CreateFromUploaded{kind.title()}View")
        urls += [
            path(f"{folder}/multiple/add/", answered(views.AddView), name=f"{namespace}_add"),
            path(
                f"{folder}/multiple/create_from_uploaded_{kind}/<int:uploaded_file_id>/",
                answered(create_view),
                name=f"{namespace}_create_from_uploaded",
            ),
        ]
    return urls
