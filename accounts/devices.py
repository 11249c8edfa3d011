"""The account's authenticator app (a django-otp TOTP device) and its recovery codes (a static
device whose tokens are used up one by one)."""

from base64 import b32encode
from io import BytesIO
from math import ceil

from django.db import transaction
from django.utils import timezone

import qrcode
import qrcode.image.svg
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10


def pending_device(user):
    """The unconfirmed device of an enrolment under way, created on first visit."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def secret_for_typing(device):
    """The key as authenticator apps accept it typed in: base32, in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_svg(device):
    """The otpauth:// address as SVG paths: no inline style, so the admin's CSS sizes it."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    out = BytesIO()
    image.save(out)
    return out.getvalue().decode()


@transaction.atomic
def confirm(device):
    """The first code matched: this device becomes the account's only one."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])


@transaction.atomic
def new_recovery_codes(user):
    """Replace the account's recovery codes and return them, to be shown once."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name="recovery codes")
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def candidates(user, token):
    """The devices a token is meant for: six digits for the app, else a recovery code."""
    model = TOTPDevice if token.isdigit() and len(token) == 6 else StaticDevice
    return list(model.objects.filter(user=user, confirmed=True))


def seconds_to_wait(devices):
    """How long django-otp's throttle still holds these devices after wrong codes (0: not)."""
    waits = [0]
    for device in devices:
        allowed, data = device.verify_is_allowed()
        if not allowed and data and data.get("locked_until"):
            waits.append(ceil((data["locked_until"] - timezone.now()).total_seconds()))
    return max(waits)


def verified_device(devices, token):
    """The device that accepts the token (a recovery code is used up), or None."""
    with transaction.atomic():
        return next((device for device in devices if device.verify_token(token)), None)


@transaction.atomic
def remove_all(user):
    """Lost phone: the account enrols again at its next sign-in."""
    deleted = TOTPDevice.objects.filter(user=user).delete()[0]
    return deleted + StaticDevice.objects.filter(user=user).delete()[0]
