"""Who must enrol, and enrolment: QR code, typed key, first code, recovery codes shown once."""

import pytest
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.conftest import code, sign_in

ENROL = "/admin/two-factor/enrol/"
CODES = "/admin/two-factor/recovery-codes/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("required_for", "who", "forced"),
    [
        ("moderators", {"group": "Moderators"}, True),
        ("moderators", {"superuser": True}, True),
        ("moderators", {"group": "Editors"}, False),
        ("everyone", {"group": "Editors"}, True),
        ("nobody", {"superuser": True}, False),
        ("nobody", {"group": "Moderators"}, False),
    ],
)
def test_who_is_sent_to_enrolment(client, make_user, two_factor_for, required_for, who, forced):
    two_factor_for(required_for)
    make_user("pessoa", **who)
    sign_in(client, "pessoa")
    for path in ("/admin/", "/admin/pages/", "/admin/two-factor/verify/"):
        response = client.get(path)
        if forced:
            assert response.status_code == 302
            assert response["Location"].startswith(ENROL)
        else:
            assert response.status_code == 200 or path.endswith("verify/")


def enrol_page(client):
    response = client.get(ENROL)
    assert response.status_code == 200
    return response, TOTPDevice.objects.get(confirmed=False)


@pytest.mark.django_db
def test_enrolment_end_to_end(client, make_user, two_factor_for):
    two_factor_for("moderators")
    user = make_user("moderadora", group="Moderators")
    sign_in(client, "moderadora")
    page, device = enrol_page(client)
    html = page.content.decode()
    assert "<svg" in html and "style=" not in html.split("<svg", 1)[1].split("</svg>")[0]
    assert page.context["secret"].replace(" ", "") in html.replace(" ", "")
    assert enrol_page(client)[1] == device  # a reload keeps the same key

    done = client.post(ENROL, {"otp_token": code(device), "next": "/admin/pages/?p=2&q=x"})
    assert done.status_code == 302
    assert done["Location"].startswith(CODES)
    shown = client.get(done["Location"])
    codes = shown.context["codes"]
    assert len(codes) == 10
    assert all(c in shown.content.decode() for c in codes)
    assert set(codes) == set(
        StaticToken.objects.filter(device__user=user).values_list("token", flat=True)
    )
    assert shown.context["next"] == "/admin/pages/?p=2&q=x"
    assert client.get(CODES).status_code == 302  # shown once
    assert client.get("/admin/pages/").status_code == 200

    # Next time: the code from the app, not enrolment again.
    client.post("/admin/logout/")
    sign_in(client, "moderadora")
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/verify/")
    assert client.get(ENROL)["Location"].startswith("/admin/two-factor/verify/")


@pytest.mark.django_db
def test_wrong_first_code_keeps_the_enrolment_open(client, make_user, two_factor_for):
    two_factor_for("everyone")
    make_user("editora", group="Editors")
    sign_in(client, "editora")
    _, device = enrol_page(client)
    wrong = "111111" if code(device) != "111111" else "222222"
    response = client.post(ENROL, {"otp_token": wrong})
    assert response.status_code == 200
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert client.get("/admin/")["Location"].startswith(ENROL)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "texts"),
    [
        (
            "pt",
            [
                "Configurar a autenticação de dois fatores",
                "Não consegue ler",
                "Os seus códigos de recuperação",
            ],
        ),
        ("en", ["Set up two-factor sign-in", "Cannot scan?", "Your recovery codes"]),
    ],
)
def test_enrolment_speaks_the_user_language(client, make_user, two_factor_for, language, texts):
    two_factor_for("moderators")
    make_user("chefe", superuser=True, language=language)
    sign_in(client, "chefe")
    page, device = enrol_page(client)
    assert texts[0] in page.content.decode()
    assert texts[1] in page.content.decode()
    done = client.post(ENROL, {"otp_token": code(device)})
    assert texts[2] in client.get(done["Location"]).content.decode()


@pytest.mark.django_db
def test_an_enrolled_user_makes_new_recovery_codes(client, enrolled):
    user, device, old = enrolled
    sign_in(client, user.username)
    client.post("/admin/two-factor/verify/", {"otp_token": code(device)})
    manage = client.get("/admin/two-factor/")
    assert "10" in manage.content.decode()
    made = client.post("/admin/two-factor/")
    new = client.get(made["Location"]).context["codes"]
    assert not set(new) & set(old)
    assert StaticToken.objects.filter(device__user=user).count() == 10


@pytest.mark.django_db
def test_account_menu_offers_two_factor_sign_in(client, make_user):
    client.force_login(make_user("staff", superuser=True, language="pt"))
    html = client.get("/admin/account/").content.decode()
    assert "/admin/two-factor/" in html
    assert "Autenticação de dois fatores" in html
