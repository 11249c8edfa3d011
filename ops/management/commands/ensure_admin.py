import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from accounts.policy import NOBODY


class Command(BaseCommand):
    help = (
        "Create the first admin account unless one exists. The password comes from "
        "DJANGO_SUPERUSER_PASSWORD, else it is generated and printed once."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("An admin account exists already; nothing to do.")
            return
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "admin")
        email = os.environ.get("DJANGO_SUPERUSER_EMAIL", "")
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD") or ""
        generated = not password
        if generated:
            password = secrets.token_urlsafe(16)
        User.objects.create_superuser(username=username, email=email, password=password)
        self.stdout.write(self.style.SUCCESS(f"Created admin account '{username}'."))
        if generated:
            self.stdout.write(self.style.WARNING(f"Its password, shown only this once: {password}"))
        self.stdout.write(first_sign_in(username))


def first_sign_in(username):
    """What the first sign-in at /admin/ asks for, under this portal's two-factor setting."""
    admin = f"{settings.WAGTAILADMIN_BASE_URL}/admin/"
    recover = f"A lost phone: manage.py reset_two_factor {username} (docs/security.md)."
    if settings.TWO_FACTOR_REQUIRED_FOR == NOBODY:
        return (
            f"Sign in at {admin} with the password alone (TWO_FACTOR_REQUIRED_FOR=nobody); "
            "two-factor sign-in can be set up under Account > Two-factor sign-in. " + recover
        )
    return (
        f"First sign-in at {admin}: after the password, set up two-factor sign-in: scan the QR "
        "code with an authenticator app (FreeOTP, Aegis, Google or Microsoft Authenticator), "
        "enter its first code, and keep the 10 recovery codes shown once. " + recover
    )
