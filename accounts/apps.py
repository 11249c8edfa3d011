from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Staff sign-in: the second factor (TOTP and recovery codes) on top of the password."""

    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from accounts import checks, lockout  # noqa: F401  (registers the check and the receiver)
