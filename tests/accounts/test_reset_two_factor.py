"""Lost phone: a superuser resets the account, which enrols again at its next sign-in."""

from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.conftest import sign_in


@pytest.mark.django_db
def test_reset_removes_the_devices_and_the_next_sign_in_enrols(client, enrolled, two_factor_for):
    two_factor_for("moderators")
    user, _, _ = enrolled
    out = StringIO()
    call_command("reset_two_factor", user.username, stdout=out)
    assert "chefe" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticDevice.objects.filter(user=user).exists()
    sign_in(client, user.username)
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/enrol/")


@pytest.mark.django_db
def test_reset_of_an_unknown_account_says_so():
    with pytest.raises(CommandError, match="nobody"):
        call_command("reset_two_factor", "nobody")
