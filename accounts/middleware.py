"""Holds a half-signed-in account at the second step: in the admin it is sent to the code or
enrolment page, everywhere else it counts as anonymous. Goes after django-otp's OTPMiddleware."""

from functools import partial

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.urls import NoReverseMatch, reverse
from django.utils.functional import SimpleLazyObject

from .policy import ENROL, pending_step

# What a half-signed-in account may open in the admin: the two steps and what their pages load
# (not the recovery codes' page, which would hand out codes).
OPEN_ADMIN_VIEWS = {
    "two_factor:verify",
    "two_factor:enrol",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}


def admin_prefix():
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:  # a URLconf without the admin (some tests use one)
        return None


def in_admin(request):
    prefix = admin_prefix()
    return prefix is not None and request.path.startswith(prefix)


def signed_in_user(user):
    return AnonymousUser() if pending_step(user) else user


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not in_admin(request):
            request.user = SimpleLazyObject(partial(signed_in_user, request.user))
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.view_name in OPEN_ADMIN_VIEWS:
            return None
        if not in_admin(request):
            return None
        step = pending_step(request.user)
        if step is None:
            return None
        page = "two_factor:enrol" if step == ENROL else "two_factor:verify"
        return redirect_to_login(request.get_full_path(), login_url=reverse(page))
