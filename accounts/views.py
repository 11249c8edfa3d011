"""The second step of the admin sign-in, enrolment, and the recovery codes shown once."""

from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

import django_otp

from . import devices, lockout
from .forms import EnrolForm, TokenForm
from .policy import has_device, is_required

NEW_CODES = "two_factor_new_recovery_codes"  # session key: codes waiting to be shown once


def next_url(request):
    url = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    safe = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if safe else reverse("wagtailadmin_home")


def complete_sign_in(request, device):
    django_otp.login(request, device)
    lockout.reset_failures(request, request.user)


def check_code(request, form, devices_for, wrong_message):
    """(the lockout response or None, the device the code matched or None); the reason a code
    was refused goes on the form. devices_for(token) lists the devices to try."""
    user = request.user
    if lockout.is_locked_out(request, user):
        return lockout.locked_out_response(request, user), None
    if not form.is_valid():
        return None, None
    token = form.cleaned_data["otp_token"]
    candidates = devices_for(token)
    if wait := devices.seconds_to_wait(candidates):
        # django-otp's own throttle after wrong codes: a pause, not one more failure.
        message = ngettext(
            "Too many wrong codes: wait %(seconds)d second and try again.",
            "Too many wrong codes: wait %(seconds)d seconds and try again.",
            wait,
        )
        form.add_error(None, message % {"seconds": wait})
        return None, None
    device = devices.verified_device(candidates, token)
    if device:
        return None, device
    if lockout.count_failure(request, user):
        return lockout.locked_out_response(request, user), None
    form.add_error(None, wrong_message)
    return None, None


@never_cache
@sensitive_post_parameters("otp_token")
def verify(request):
    """Second step: a code from the app, or a recovery code (each works once)."""
    user = request.user
    if user.is_verified():
        return redirect(next_url(request))
    if not has_device(user):
        return redirect(f"{reverse('two_factor:enrol')}?{request.GET.urlencode()}")
    form = TokenForm(request.POST or None)
    if request.method == "POST":
        refusal, device = check_code(
            request,
            form,
            lambda token: devices.candidates(user, token),
            _("That code is not right, or it has been used already."),
        )
        if refusal:
            return refusal
        if device:
            complete_sign_in(request, device)
            return redirect(next_url(request))
    return TemplateResponse(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": next_url(request)},
    )


@never_cache
@sensitive_post_parameters("otp_token")
def enrol(request):
    """Add the authenticator app: QR code and typed key, confirmed by its first code."""
    user = request.user
    if has_device(user):
        if not user.is_verified():
            return redirect(reverse("two_factor:verify"))
        return redirect(reverse("two_factor:manage"))
    device = devices.pending_device(user)
    form = EnrolForm(request.POST or None)
    if request.method == "POST":
        refusal, matched = check_code(
            request,
            form,
            lambda token: [device],
            _("That code does not match. Check the phone's clock and try again."),
        )
        if refusal:
            return refusal
        if matched:
            devices.confirm(device)
            request.session[NEW_CODES] = devices.new_recovery_codes(user)
            complete_sign_in(request, device)
            query = urlencode({REDIRECT_FIELD_NAME: next_url(request)})
            return redirect(f"{reverse('two_factor:recovery_codes')}?{query}")
    return TemplateResponse(
        request,
        "accounts/two_factor_enrol.html",
        {
            "form": form,
            "next": next_url(request),
            "qr_code": devices.qr_code_svg(device),
            "secret": devices.secret_for_typing(device),
            "required": is_required(user),
        },
    )


@never_cache
def recovery_codes(request):
    """The new recovery codes, once: a reload shows them no more."""
    codes = request.session.pop(NEW_CODES, None)
    if not codes:
        return redirect(reverse("two_factor:manage"))
    return TemplateResponse(
        request,
        "accounts/two_factor_recovery_codes.html",
        {"codes": codes, "next": next_url(request)},
    )


@never_cache
def manage(request):
    """The account's second factor: enrolled or not, recovery codes left, new codes."""
    user = request.user
    if request.method == "POST" and has_device(user):
        request.session[NEW_CODES] = devices.new_recovery_codes(user)
        messages.success(request, _("New recovery codes made; the old ones no longer work."))
        return redirect(reverse("two_factor:recovery_codes"))
    return TemplateResponse(
        request,
        "accounts/two_factor_manage.html",
        {
            "page_title": _("Two-factor sign-in"),
            "header_title": _("Two-factor sign-in"),
            "header_icon": "key",
            "enrolled": has_device(user),
            "codes_left": devices.recovery_codes_left(user),
            "required": is_required(user),
        },
    )
