"""Error pages in the visitor's language; the switcher on them points at each home page."""

from dataclasses import dataclass

from django.conf import settings
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


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


def too_many_requests(request):
    return error_page(request, 429)


def locked_out(request, original_response=None, credentials=None):
    """django-axes: the admin login of a locked account or address (accounts/lockout_handler.py)."""
    response = too_many_requests(request)
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response
