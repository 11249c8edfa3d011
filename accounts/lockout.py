"""django-axes over both steps: a wrong code counts as a failed login, the count resets only
once the whole sign-in is done (AXES_RESET_ON_SUCCESS is off, or a correct password would wipe
the failed codes before them), and only that account's count from that address
(AXES_LOCKOUT_PARAMETERS; the address ceiling is in lockout_handler.py)."""

from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response

from .policy import has_device, is_required


def credentials(user):
    return {"username": user.get_username()}


def is_locked_out(request, user):
    return not AxesProxyHandler.is_allowed(request, credentials(user))


def count_failure(request, user):
    """Record a wrong code as django-axes records a wrong password; True once locked out."""
    user_login_failed.send(sender=__name__, credentials=credentials(user), request=request)
    return bool(getattr(request, "axes_locked_out", False))


def locked_out_response(request, user):
    """Sign the half-signed-in session out, so both steps start again after the cool-off."""
    creds = credentials(user)
    logout(request)
    return get_lockout_response(request, None, creds)


def reset_failures(request, user):
    AxesProxyHandler.update_request(request)
    AxesProxyHandler.get_implementation().reset_user_attempts(request, credentials(user))


@receiver(user_logged_in)
def reset_when_no_second_step(sender, request, user, **kwargs):
    """A password alone completes the sign-in of an account without a second factor."""
    if request is not None and not has_device(user) and not is_required(user):
        reset_failures(request, user)
