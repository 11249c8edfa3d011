"""Holds a half-signed-in account at the second step: in the admin it is sent to the code or
enrolment page, everywhere else it counts as anonymous. Goes after django-otp's OTPMiddleware."""

from functools import partial

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from .policy import ENROL, pending_step

# What a half-signed-in account may still open in the admin besides the second step's pages.
OPEN_ADMIN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}
NAMESPACE = "two_factor"


def signed_in_user(user):
    return AnonymousUser() if pending_step(user) else user


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(reverse("wagtailadmin_home")):
            request.user = SimpleLazyObject(partial(signed_in_user, request.user))
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match.namespace == NAMESPACE or match.url_name in OPEN_ADMIN_VIEWS:
            return None
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        step = pending_step(request.user)
        if step is None:
            return None
        page = "two_factor:enrol" if step == ENROL else "two_factor:verify"
        return redirect_to_login(request.get_full_path(), login_url=reverse(page))
