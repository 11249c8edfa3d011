from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from . import urls


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("two-factor/", include(urls))]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor:manage"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Codes from an authenticator app, and recovery codes."),
    }
