"""Error pages in the visitor's language; the switcher on them points at each home page."""

import sys
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.degraded import database_unavailable

# Seconds a visitor (or a crawler) is asked to wait when the database is unreachable.
DATABASE_RETRY_AFTER = 30


@dataclass(frozen=True)
class ErrorPage:
    heading: Promise
    lead: Promise
    advice: Promise


ERRORS = {
    400: ErrorPage(
        _("Bad request"),
        _("The portal could not understand this request."),
        _("Check the address, or go back and try again."),
    ),
    403: ErrorPage(
        _("Access denied"),
        _("You do not have permission to see this page or file."),
        _("If you think you should, sign in or contact the Procure+i team."),
    ),
    404: ErrorPage(
        _("Page not found"),
        _("The page you asked for does not exist or has moved."),
        _("Check the address, or start again from the home page."),
    ),
    429: ErrorPage(
        _("Too many attempts"),
        _("For your security, this form is paused after too many attempts in a short time."),
        _("Please wait a few minutes and try again."),
    ),
}


def error_page(request, status):
    context = {"error": ERRORS[status], "is_error_page": True}
    return render(request, "errors/error.html", context, status=status)


def bad_request(request, exception=None):
    return error_page(request, 400)


def permission_denied(request, exception=None):
    return error_page(request, 403)


def page_not_found(request, exception=None):
    return error_page(request, 404)


def address_language(request):
    """The language of the address's prefix (/en/… English), else Portuguese: never the language
    the worker's previous request left active."""
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def server_error(request):
    """handler500. Rendered without the request (no context processor, so no query) in the
    address's language; when the database is unreachable, 503 with Retry-After instead."""
    unavailable = database_unavailable(sys.exc_info()[1])
    language = address_language(request)
    with translation.override(language):
        html = render_to_string("errors/unavailable.html" if unavailable else "500.html")
    response = HttpResponse(html, status=503 if unavailable else 500)
    response["Content-Language"] = language
    if unavailable:
        response["Retry-After"] = str(DATABASE_RETRY_AFTER)
    return response


def too_many_requests(request):
    return error_page(request, 429)


def locked_out(request, original_response=None, credentials=None):
    """django-axes: the admin login of a locked account or address (accounts/lockout_handler.py)."""
    response = too_many_requests(request)
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response
