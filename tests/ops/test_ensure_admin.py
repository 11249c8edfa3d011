"""ensure_admin creates the first account once and says what its first sign-in asks for."""

from io import StringIO

from django.core.management import call_command

import pytest


def ensure_admin(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-first-password")
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_first_sign_in_with_two_factor_required(monkeypatch, settings):
    settings.TWO_FACTOR_REQUIRED_FOR = "moderators"
    said = ensure_admin(monkeypatch)
    assert "Created admin account 'admin'" in said
    assert "set up two-factor sign-in" in said
    assert "recovery codes" in said
    assert "reset_two_factor admin" in said
    assert "nothing to do" in ensure_admin(monkeypatch)


@pytest.mark.django_db
def test_first_sign_in_with_the_password_alone(monkeypatch, settings):
    settings.TWO_FACTOR_REQUIRED_FOR = "nobody"
    assert "with the password alone" in ensure_admin(monkeypatch)
