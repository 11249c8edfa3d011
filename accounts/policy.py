"""Who must give a second factor, and what a signed-in account still has to do."""

from django.conf import settings

from django_otp.plugins.otp_totp.models import TOTPDevice

# TWO_FACTOR_REQUIRED_FOR: who must enrol before using the admin.
NOBODY, MODERATORS, EVERYONE = "nobody", "moderators", "everyone"
CHOICES = (NOBODY, MODERATORS, EVERYONE)
# Wagtail's group of the staff who publish (editorial's workflow gives them the approval task).
MODERATOR_GROUP = "Moderators"

VERIFY, ENROL = "verify", "enrol"


def can_reach_admin(user):
    return user.is_active and user.has_perm("wagtailadmin.access_admin")


def is_required(user):
    """The setting says this account must have a second factor."""
    required_for = settings.TWO_FACTOR_REQUIRED_FOR
    if required_for == EVERYONE:
        return True
    if required_for == MODERATORS:
        return user.is_superuser or user.groups.filter(name=MODERATOR_GROUP).exists()
    return False


def has_device(user):
    """A confirmed authenticator app; recovery codes only exist beside one."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_step(user):
    """VERIFY, ENROL, or None once the sign-in is complete (or needs no second factor)."""
    if not user.is_authenticated or getattr(user, "is_verified", lambda: False)():
        return None
    if not can_reach_admin(user):
        return None
    if has_device(user):
        return VERIFY  # whoever enrolled gives a code, whatever the setting
    if is_required(user):
        return ENROL
    return None
