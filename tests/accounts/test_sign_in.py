"""The second step of the admin sign-in: a code from the app or a recovery code, once."""

from django.urls import reverse

import pytest
from django_otp.plugins.otp_static.models import StaticDevice

from tests.accounts.conftest import code, sign_in

VERIFY = "/admin/two-factor/verify/"


@pytest.mark.django_db
def test_password_alone_leads_to_the_second_step_and_nowhere_else(client, enrolled):
    user, device, _ = enrolled
    response = sign_in(client, user.username)
    assert response.status_code == 302
    for path in ("/admin/", "/admin/pages/", "/admin/documents/", "/admin/users/"):
        held = client.get(path)
        assert held.status_code == 302
        assert held["Location"].startswith(VERIFY)


@pytest.mark.django_db
def test_half_signed_in_account_cannot_make_recovery_codes(client, enrolled):
    from django_otp.plugins.otp_static.models import StaticToken

    user, _, codes = enrolled
    sign_in(client, user.username)
    for path in ("/admin/two-factor/", "/admin/two-factor/recovery-codes/"):
        response = client.post(path)
        assert response["Location"].startswith(VERIFY)
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(codes)


@pytest.mark.django_db
def test_code_from_the_app_completes_the_sign_in(client, enrolled):
    user, device, _ = enrolled
    sign_in(client, user.username)
    response = client.post(VERIFY, {"otp_token": code(device), "next": "/admin/pages/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_recovery_code_works_once(client, enrolled):
    user, _, codes = enrolled
    sign_in(client, user.username)
    assert client.post(VERIFY, {"otp_token": codes[0].upper()}).status_code == 302
    assert client.get("/admin/").status_code == 200
    client.post(reverse("wagtailadmin_logout"))
    sign_in(client, user.username)
    reused = client.post(VERIFY, {"otp_token": codes[0]})
    assert reused.status_code == 200
    assert "used already" in reused.content.decode() or "já foi usado" in reused.content.decode()
    assert client.get("/admin/").status_code == 302
    StaticDevice.objects.get(user=user).throttle_reset()  # as after the 1-second pause
    assert client.post(VERIFY, {"otp_token": codes[1]}).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("wrong", ["000000", "12345", "abcdefgh", "", "\x00" * 6, "9" * 40])
def test_wrong_code_is_rejected_with_the_form_again(client, enrolled, wrong):
    user, device, _ = enrolled
    if wrong == "000000" and code(device) == "000000":
        wrong = "111111"
    sign_in(client, user.username)
    response = client.post(VERIFY, {"otp_token": wrong})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_throttled_device_asks_to_wait_without_counting_a_failure(client, enrolled):
    from axes.models import AccessAttempt

    user, device, _ = enrolled
    sign_in(client, user.username)
    client.post(VERIFY, {"otp_token": "111111" if code(device) != "111111" else "222222"})
    paused = client.post(VERIFY, {"otp_token": code(device)})
    assert paused.status_code == 200
    assert "wait" in paused.content.decode() or "aguarde" in paused.content.decode()
    assert AccessAttempt.objects.get().failures_since_start == 1


@pytest.mark.django_db
def test_next_address_elsewhere_is_not_followed(client, enrolled):
    user, device, _ = enrolled
    sign_in(client, user.username)
    response = client.post(VERIFY, {"otp_token": code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading", "error"),
    [
        ("pt", "Introduza o código de acesso", "Esse código não está certo ou já foi usado"),
        ("en", "Enter your sign-in code", "That code is not right"),
    ],
)
def test_second_step_speaks_the_user_language(client, make_user, language, heading, error):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = make_user("pessoa", superuser=True, language=language)
    TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    sign_in(client, "pessoa")
    assert heading in client.get(VERIFY).content.decode()
    assert error in client.post(VERIFY, {"otp_token": "abc"}).content.decode()


@pytest.mark.django_db
def test_half_signed_in_account_is_anonymous_on_public_pages(client, enrolled, homes):
    from wagtail.models import PageViewRestriction

    user, device, _ = enrolled
    PageViewRestriction.objects.create(page=homes["pt"], restriction_type="login")
    sign_in(client, user.username)
    assert client.get(homes["pt"].url).status_code == 302  # to the login, as for a visitor
    client.post(VERIFY, {"otp_token": code(device)})
    assert client.get(homes["pt"].url).status_code == 200


@pytest.mark.django_db
def test_account_without_a_device_signs_in_with_the_password_when_not_required(client, make_user):
    make_user("editora", group="Editors")
    sign_in(client, "editora")
    assert client.get("/admin/").status_code == 200
