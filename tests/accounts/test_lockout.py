"""django-axes over both steps: wrong codes lock out as wrong passwords do."""

from django.conf import settings

import pytest

from tests.accounts.conftest import code, sign_in

VERIFY = "/admin/two-factor/verify/"


@pytest.fixture(autouse=True)
def no_pause(settings):
    """django-otp's pause after a wrong code aside (test_sign_in tests it): axes alone counts."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def wrong_code(device):
    return "111111" if code(device) != "111111" else "222222"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading"), [("pt", "Demasiadas tentativas"), ("en", "Too many attempts")]
)
def test_wrong_codes_lock_out_after_the_failure_limit(client, enrolled, language, heading):
    user, device, codes = enrolled
    client.cookies["django_language"] = language
    sign_in(client, user.username)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(VERIFY, {"otp_token": wrong_code(device)}).status_code == 200
    locked = client.post(VERIFY, {"otp_token": wrong_code(device)})
    assert locked.status_code == 429
    assert heading in locked.content.decode()
    # Signed out, and both steps refused: the right code, then the right password.
    assert client.post(VERIFY, {"otp_token": code(device)}).status_code in (302, 429)
    assert client.get("/admin/").status_code == 302
    assert sign_in(client, user.username).status_code == 429


@pytest.mark.django_db
def test_a_correct_password_does_not_wipe_the_wrong_codes(client, enrolled):
    user, device, _ = enrolled
    sign_in(client, user.username)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(VERIFY, {"otp_token": wrong_code(device)})
    client.post("/admin/logout/")
    assert sign_in(client, user.username).status_code == 302
    assert client.post(VERIFY, {"otp_token": wrong_code(device)}).status_code == 429


@pytest.mark.django_db
def test_wrong_passwords_and_wrong_codes_add_up(client, enrolled):
    user, device, _ = enrolled
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post("/admin/login/", {"username": user.username, "password": "wrong"})
    sign_in(client, user.username)
    assert client.post(VERIFY, {"otp_token": wrong_code(device)}).status_code == 429


@pytest.mark.django_db
def test_the_whole_sign_in_resets_the_count(client, enrolled):
    user, device, _ = enrolled
    sign_in(client, user.username)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(VERIFY, {"otp_token": wrong_code(device)})
    assert client.post(VERIFY, {"otp_token": code(device)}).status_code == 302
    client.post("/admin/logout/")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post("/admin/login/", {"username": "x", "password": "y"}).status_code == 200


@pytest.mark.django_db
def test_wrong_first_codes_at_enrolment_lock_out_too(client, make_user, two_factor_for):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    two_factor_for("moderators")
    make_user("chefe", superuser=True)
    sign_in(client, "chefe")
    client.get("/admin/two-factor/enrol/")
    device = TOTPDevice.objects.get()
    statuses = [
        client.post("/admin/two-factor/enrol/", {"otp_token": wrong_code(device)}).status_code
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert statuses[-1] == 429
    assert statuses[:-1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
