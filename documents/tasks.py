"""Slow work on documents, off the upload request: the text of large PDFs for the search."""

from wagtail.documents import get_document_model

from django_tasks import task

from documents.text_extraction import extract_text


@task()
def extract_document_text(document_id, file_name):
    """Read the file's text and save it; saving reindexes the document for the site search."""
    # The library's model through Wagtail's setting: the model module enqueues this task.
    document = get_document_model().objects.filter(pk=document_id, file=file_name).first()
    if document is None:
        return  # deleted, or its file replaced again (a newer task reads the newer file)
    document.text_content = extract_text(document.file)
    document.save(update_fields=["text_content"])
