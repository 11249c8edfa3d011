"""What the second factor costs an admin request: one query, whatever the data."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.conftest import code, sign_in


def queries_for(client, path):
    client.get(path)  # warm: caches, the user's profile
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return captured.captured_queries


def otp_queries(queries):
    return [q["sql"] for q in queries if "otp_" in q["sql"]]


@pytest.mark.django_db
def test_an_account_without_a_device_pays_one_query(client, make_user):
    make_user("editora", group="Editors")
    sign_in(client, "editora")
    assert len(otp_queries(queries_for(client, "/admin/"))) == 1  # has it a device?


@pytest.mark.django_db
def test_a_signed_in_account_with_a_device_pays_one_query(client, enrolled, make_user):
    user, device, _ = enrolled
    sign_in(client, user.username)
    client.post("/admin/two-factor/verify/", {"otp_token": code(device)})
    for n in range(20):  # other accounts' devices change nothing
        TOTPDevice.objects.create(user=make_user(f"u{n}"), name="a", confirmed=True)
    assert len(otp_queries(queries_for(client, "/admin/"))) == 1  # the session's device
