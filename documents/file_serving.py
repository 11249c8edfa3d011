"""Library files, served by Wagtail's view; a restricted one is marked private for every cache.

Wagtail's response varies on Cookie only once the session is read: a CDN that ignores Vary
could keep a file meant for signed-in readers. `Cache-Control: private` forbids any shared
cache to store it, whatever it does with Vary; the sign-in and password responses of a
restricted file are private too (they differ by visitor).
"""

from django.utils.cache import patch_cache_control, patch_vary_headers

from wagtail.documents.views.serve import serve as wagtail_serve

from documents.models import LibraryDocument


def serve(request, document_id, document_filename):
    response = wagtail_serve(request, document_id, document_filename)
    if not LibraryDocument.objects.filter(pk=document_id).public().exists():
        patch_cache_control(response, private=True)
        patch_vary_headers(response, ["Cookie"])
    return response
