"""Newsletter: double opt-in with signed, expiring links; unsubscribe in every message."""

import re
from datetime import timedelta

from django.core import mail, signing
from django.core.management import call_command
from django.utils import timezone
from django.utils.http import urlencode

import pytest

from buyers.models import Subscriber
from buyers.models.subscriber import CONFIRM_SALT
from tests.buyers.factories import NewsletterPageFactory, SubscriberFactory


@pytest.fixture
def pages(translated_pair):
    return translated_pair(NewsletterPageFactory, "newsletter")


def sign_up(client, page, email="ana@example.pt", **changes):
    data = {"email": email, "consent": "on", **changes}
    return client.post(page.url, {k: v for k, v in data.items() if v is not None})


def link(message, part):
    return re.search(rf"http://testserver(\S+/{part}/\?t=\S+)", message.body).group(1)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_sign_up_sends_a_confirmation_in_the_page_language(client, pages, code):
    response = sign_up(client, pages[code])
    assert {"pt": "Consulte o seu correio", "en": "Check your email"}[
        code
    ] in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.confirmed_at is None and subscriber.language == code
    (message,) = mail.outbox
    assert {"pt": "confirme a sua subscrição", "en": "please confirm"}[code] in message.subject
    assert "/confirm/" in message.body and "/unsubscribe/" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://testserver/")
    assert "ana@example.pt" not in link(message, "confirm")  # no address in links or logs


@pytest.mark.django_db
def test_confirming_takes_a_press_of_the_button_then_welcomes(client, pages):
    sign_up(client, pages["en"])
    confirm = link(mail.outbox[0], "confirm")
    page = client.get(confirm).content.decode()
    assert "Confirm my subscription" in page and Subscriber.objects.get().confirmed_at is None
    assert "Subscription confirmed" in client.post(confirm).content.decode()
    assert Subscriber.objects.get().confirmed_at is not None
    welcome = mail.outbox[1]
    assert "/unsubscribe/" in welcome.body and "List-Unsubscribe" in welcome.extra_headers


@pytest.mark.django_db
def test_unsubscribe_deletes_the_address(client, pages):
    sign_up(client, pages["pt"])
    client.post(link(mail.outbox[0], "confirm"))
    unsubscribe = link(mail.outbox[1], "unsubscribe")
    assert "Cancelar a subscrição" in client.get(unsubscribe).content.decode()
    assert Subscriber.objects.exists()
    response = client.post(unsubscribe)
    assert "A subscrição foi cancelada" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert client.post(unsubscribe).status_code == 200  # a second press is harmless


@pytest.mark.django_db
def test_expired_confirmation_link_is_refused(client, pages, settings):
    sign_up(client, pages["en"])
    confirm = link(mail.outbox[0], "confirm")
    settings.NEWSLETTER_CONFIRMATION_DAYS = 0
    html = client.post(confirm).content.decode()
    assert "This link is not valid" in html
    assert Subscriber.objects.get().confirmed_at is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "token",
    [
        "garbage",
        "%00",
        "x" * 5000,
        "tampered",
        "unsubscribe-salt",
        "other-subscriber",
    ],
)
def test_tampered_or_foreign_tokens_are_refused(client, pages, token):
    subscriber = SubscriberFactory()
    other = SubscriberFactory()
    tokens = {
        "tampered": subscriber.confirm_token()[:-2] + "xx",
        "unsubscribe-salt": subscriber.unsubscribe_token(),
        "other-subscriber": signing.dumps(f"{other.pk}:{'0' * 20}", salt=CONFIRM_SALT),
    }
    url = pages["en"].url + "confirm/?" + urlencode({"t": tokens.get(token, token)})
    response = client.post(url)
    assert response.status_code == 200 and "This link is not valid" in response.content.decode()
    assert not Subscriber.objects.filter(confirmed_at__isnull=False).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"consent": None}, "Please agree to receive the newsletter."),
        ({"email": "nope"}, "Enter a valid email address."),
        ({"email": "a@b.pt\x00"}, "Null characters are not allowed."),
        ({"email": "a" * 300 + "@example.pt"}, "Ensure this value has at most 254 characters"),
    ],
)
def test_bad_sign_ups_are_refused_and_keep_the_address(client, pages, changes, message):
    response = sign_up(client, pages["en"], **changes)
    html = response.content.decode()
    assert response.status_code == 200 and message in html
    assert not Subscriber.objects.exists() and mail.outbox == []


@pytest.mark.django_db
def test_the_typed_address_is_kept_on_error(client, pages):
    html = sign_up(client, pages["en"], consent=None).content.decode()
    assert 'value="ana@example.pt"' in html


@pytest.mark.django_db
def test_honeypot_and_known_addresses_get_the_same_answer_and_no_mail(client, pages):
    SubscriberFactory(email="known@example.pt", confirmed_at=timezone.now())
    robot = sign_up(client, pages["en"], email="bot@example.pt", website="x").content.decode()
    known = sign_up(client, pages["en"], email="KNOWN@example.pt").content.decode()
    assert "Check your email" in robot and "Check your email" in known
    assert mail.outbox == [] and Subscriber.objects.count() == 1


@pytest.mark.django_db
def test_purge_deletes_only_stale_unconfirmed_sign_ups(settings):
    settings.NEWSLETTER_CONFIRMATION_DAYS = 7
    stale, fresh = SubscriberFactory(), SubscriberFactory()
    confirmed = SubscriberFactory(confirmed_at=timezone.now())
    long_ago = timezone.now() - timedelta(days=8)
    Subscriber.objects.filter(pk__in=[stale.pk, confirmed.pk]).update(created_at=long_ago)
    call_command("purge_unconfirmed_subscribers")
    assert set(Subscriber.objects.values_list("pk", flat=True)) == {fresh.pk, confirmed.pk}


@pytest.mark.django_db
def test_staff_export_lists_confirmed_subscribers_only(staff_client):
    SubscriberFactory(email="yes@example.pt", confirmed_at=timezone.now())
    SubscriberFactory(email="pending@example.pt")
    response = staff_client.get("/admin/snippets/buyers/subscriber/?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert "yes@example.pt" in body and "pending@example.pt" not in body


@pytest.mark.django_db
def test_anonymous_visitors_cannot_reach_the_export(client):
    response = client.get("/admin/snippets/buyers/subscriber/?export=csv")
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_forged_unsubscribe_link_is_not_valid(client, pages):
    subscriber = SubscriberFactory(confirmed_at=timezone.now())
    forged = subscriber.unsubscribe_token()[:-3] + "abc"
    url = pages["en"].url + "unsubscribe/?" + urlencode({"t": forged})
    assert "This link is not valid" in client.post(url).content.decode()
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()
