import time

from django.contrib.auth.models import Group

from wagtail.users.models import UserProfile

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import devices

PASSWORD = "right-password"


def code(device, steps_ahead=0):
    """The app's code now, or a later step's (still accepted: a used step cannot be replayed)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


@pytest.fixture
def two_factor_for(settings):
    """Switch the requirement on for "moderators" or "everyone"."""

    def switch(who):
        settings.TWO_FACTOR_REQUIRED_FOR = who

    return switch


@pytest.fixture
def make_user(django_user_model):
    def make(username, group=None, superuser=False, language="pt"):
        user = django_user_model.objects.create_user(
            username, f"{username}@example.pt", PASSWORD, is_superuser=superuser
        )
        if group:
            user.groups.add(Group.objects.get(name=group))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        return user

    return make


@pytest.fixture
def enrolled(make_user):
    """A superuser with a confirmed authenticator app and recovery codes: (user, device, codes)."""
    user = make_user("chefe", superuser=True)
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return user, device, devices.new_recovery_codes(user)


def sign_in(client, username):
    """The password step, as a person does it; returns where the login sends them."""
    return client.post(
        "/admin/login/", {"username": username, "password": PASSWORD, "next": "/admin/"}
    )
