"""Lockout per account and address, with a ceiling per address across accounts: one
account's completed sign-in never wipes the failures counted for another from the same place."""

from django.conf import settings
from django.test import Client

import pytest

from tests.accounts.conftest import PASSWORD, code
from tests.accounts.test_lockout import VERIFY, wrong_code

LOGIN = "/admin/login/"
HERE, THERE = "192.0.2.10", "198.51.100.20"


@pytest.fixture(autouse=True)
def no_pause(settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def post_password(client, username, password, address=HERE):
    data = {"username": username, "password": password, "next": "/admin/"}
    return client.post(LOGIN, data, REMOTE_ADDR=address)


def fail(client, username, times, address=HERE):
    return [post_password(client, username, "wrong", address).status_code for _ in range(times)]


@pytest.mark.django_db
def test_another_accounts_password_sign_in_keeps_the_failures(make_user):
    make_user("ana")
    make_user("bruno")  # no second factor: the password completes the sign-in
    attacker, colleague = Client(), Client()
    assert fail(attacker, "ana", settings.AXES_FAILURE_LIMIT - 1) == [200] * 4
    assert post_password(colleague, "bruno", PASSWORD).status_code == 302
    assert post_password(attacker, "ana", "wrong").status_code == 429
    assert post_password(attacker, "ana", PASSWORD).status_code == 429  # locked means locked


@pytest.mark.django_db
def test_another_accounts_two_step_sign_in_keeps_the_failures(client, make_user, enrolled):
    user, device, _ = enrolled
    make_user("ana")
    fail(Client(), "ana", settings.AXES_FAILURE_LIMIT - 1)
    assert post_password(client, user.username, PASSWORD).status_code == 302
    assert client.post(VERIFY, {"otp_token": code(device)}, REMOTE_ADDR=HERE).status_code == 302
    assert post_password(Client(), "ana", "wrong").status_code == 429


@pytest.mark.django_db
def test_the_own_completed_sign_in_resets_only_the_own_failures(make_user, enrolled):
    user, device, _ = enrolled
    make_user("ana")
    fail(Client(), "ana", 3)
    own = Client()
    fail(own, user.username, settings.AXES_FAILURE_LIMIT - 1)
    post_password(own, user.username, PASSWORD)
    own.post(VERIFY, {"otp_token": code(device)}, REMOTE_ADDR=HERE)
    own.post("/admin/logout/", REMOTE_ADDR=HERE)
    # Its own count starts again at zero; ana's three stay, so her second failure locks her.
    assert fail(own, user.username, settings.AXES_FAILURE_LIMIT - 1) == [200] * 4
    assert fail(Client(), "ana", 2) == [200, 429]


@pytest.mark.django_db
def test_an_account_locked_from_one_address_still_signs_in_from_another(make_user):
    make_user("ana")
    assert fail(Client(), "ana", settings.AXES_FAILURE_LIMIT)[-1] == 429
    assert post_password(Client(), "ana", PASSWORD, address=THERE).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading"), [("pt", "Demasiadas tentativas"), ("en", "Too many attempts")]
)
def test_an_address_trying_many_accounts_hits_its_ceiling(settings, make_user, language, heading):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 8
    make_user("ana")
    client = Client()
    client.cookies["django_language"] = language
    # Two failures on each of four accounts (none near its own limit of five): the eighth locks.
    statuses = [post_password(client, name, "wrong").status_code for name in "abcd" for _ in "12"]
    assert statuses == [200] * 7 + [429]
    locked = post_password(client, "ana", PASSWORD)
    assert locked.status_code == 429  # an account never tried from here is refused too
    assert heading in locked.content.decode()
    assert int(locked["Retry-After"]) > 0
    assert post_password(Client(), "ana", PASSWORD, address=THERE).status_code == 302


@pytest.mark.django_db
def test_wrong_codes_count_towards_the_address_ceiling(settings, make_user, enrolled):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 4
    user, device, _ = enrolled
    make_user("ana")
    fail(Client(), "ana", 2)
    client = Client()
    post_password(client, user.username, PASSWORD)
    statuses = [
        client.post(VERIFY, {"otp_token": wrong_code(device)}, REMOTE_ADDR=HERE).status_code
        for _ in range(2)
    ]
    assert statuses == [200, 429]  # two wrong passwords for ana, then two wrong codes
