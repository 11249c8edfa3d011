"""Sending a newsletter issue: one language's confirmed subscribers, in batches, resumable without
duplicates, each mail with RFC 8058's one-click unsubscribe; the scheduled-send command."""

import re
from contextlib import suppress
from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from buyers import newsletter_sending
from buyers.models import NewsletterDelivery, NewsletterIssue, Subscriber
from core.models import OutgoingMail
from tests.buyers.factories import NewsletterIssueFactory, NewsletterPageFactory, SubscriberFactory


@pytest.fixture
def pages(translated_pair):
    return translated_pair(NewsletterPageFactory, "newsletter")


def confirmed(count, language="pt"):
    return SubscriberFactory.create_batch(count, language=language, confirmed_at=timezone.now())


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.mark.django_db
def test_an_issue_goes_to_the_confirmed_subscribers_of_its_language_only(pages, settings):
    settings.NEWSLETTER_BATCH_SIZE = 2
    portuguese = confirmed(3)
    confirmed(2, language="en")
    SubscriberFactory(language="pt", email="unconfirmed@example.pt")  # never confirmed
    issue = NewsletterIssueFactory(language="pt", subject="Novidades de março")
    newsletter_sending.start_sending(issue)
    assert recipients() == sorted(s.email for s in portuguese)
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT and issue.sent_at is not None
    assert issue.delivery_counts() == {
        "sent": 3, "failed": 0, "pending": 0, "skipped": 0, "total": 3,
    }  # fmt: skip
    message = mail.outbox[0]
    assert message.subject == "Novidades de março"
    html = message.alternatives[0][0]
    assert "Item 1" in message.body and "https://example.pt/1/" in html
    assert "Cancelar a subscrição" in html  # the subscriber's language


def signed_value(subscriber):
    """The part of a subscriber's unsubscribe token that names them (before its timestamp)."""
    return subscriber.unsubscribe_token().split(":")[0]


@pytest.mark.django_db
def test_each_mail_carries_one_click_unsubscribe_and_its_own_link(pages):
    ana, rui = confirmed(2)
    newsletter_sending.start_sending(NewsletterIssueFactory())
    by_address = {message.to[0]: message for message in mail.outbox}
    headers = by_address[ana.email].extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    one_click = re.fullmatch(
        r"<(http://[^>]+/newsletter/unsubscribe/[^>]+/\?lang=pt)>", headers["List-Unsubscribe"]
    )
    assert one_click
    # A token is signed with the time: compare what it signs, not the second it was made in.
    assert "/" + signed_value(ana) + ":" in one_click.group(1)
    assert "t=" + signed_value(rui) + "%3A" in by_address[rui.email].body
    assert "t=" + signed_value(ana) not in by_address[rui.email].body
    assert ana.email not in headers["List-Unsubscribe"]


@pytest.mark.django_db
def test_a_crash_half_way_resumes_without_duplicates(pages, settings, monkeypatch):
    settings.NEWSLETTER_BATCH_SIZE = 2
    subscribers = confirmed(5)
    issue = NewsletterIssueFactory()
    render, calls = newsletter_sending.render_issue, []

    def crash_in_second_batch(*args):
        calls.append(1)
        if len(calls) == 4:
            raise RuntimeError("worker lost")
        return render(*args)

    monkeypatch.setattr(newsletter_sending, "render_issue", crash_in_second_batch)
    with suppress(RuntimeError):
        newsletter_sending.start_sending(issue)
    assert len(mail.outbox) == 2  # the first batch; the second rolled back whole
    statuses = list(issue.deliveries.values_list("status", flat=True))
    assert sorted(statuses) == ["pending"] * 3 + ["queued"] * 2
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENDING
    assert issue.delivery_counts()["pending"] == 3

    monkeypatch.setattr(newsletter_sending, "render_issue", render)
    newsletter_sending.send_newsletter_batches.enqueue(issue.pk)
    newsletter_sending.send_newsletter_batches.enqueue(issue.pk)  # again: nothing more
    newsletter_sending.start_sending(issue)  # and a second press of "send"
    assert recipients() == sorted(s.email for s in subscribers)
    assert OutgoingMail.objects.count() == 5
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT


def sending(issue):
    """The issue as start_sending leaves it, before any batch has run."""
    issue.status = NewsletterIssue.Status.SENDING
    issue.save()
    NewsletterDelivery.objects.bulk_create(
        NewsletterDelivery(issue=issue, subscriber=s) for s in Subscriber.objects.confirmed()
    )
    return issue


@pytest.mark.django_db
def test_an_address_unsubscribed_during_the_send_receives_nothing(pages, settings):
    settings.NEWSLETTER_BATCH_SIZE = 1
    confirmed(2)
    issue = sending(NewsletterIssueFactory())
    assert newsletter_sending.send_batch(issue) is True  # one sent, one pending
    (sent_to,) = recipients()
    Subscriber.objects.exclude(email=sent_to).delete()  # the other one unsubscribes
    assert newsletter_sending.send_batch(issue) is False
    assert recipients() == [sent_to]
    assert issue.delivery_counts() == {
        "sent": 1, "failed": 0, "pending": 0, "skipped": 1, "total": 2,
    }  # fmt: skip


@pytest.mark.django_db
def test_a_failed_mail_counts_as_failed(pages, settings, monkeypatch):
    settings.MAIL_MAX_ATTEMPTS = 1
    confirmed(1)

    def refuse(self, *args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    issue = NewsletterIssueFactory()
    newsletter_sending.start_sending(issue)
    assert issue.delivery_counts()["failed"] == 1


@pytest.mark.django_db
@pytest.mark.parametrize("junk", ["junk", "1:abc:def", "x" * 300])
def test_one_click_post_unsubscribes_without_csrf_and_survives_junk(pages, junk):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    (subscriber,) = confirmed(1)
    url = reverse("newsletter_one_click_unsubscribe", args=[subscriber.unsubscribe_token()])
    response = client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200  # again
    bad = client.post(reverse("newsletter_one_click_unsubscribe", args=[junk]))
    assert bad.status_code == 400


@pytest.mark.django_db
def test_one_click_address_opened_in_a_browser_asks_first(client, pages):
    (subscriber,) = confirmed(1, language="en")
    url = reverse("newsletter_one_click_unsubscribe", args=[subscriber.unsubscribe_token()])
    response = client.get(url, follow=True)
    assert "Unsubscribe from the newsletter" in response.content.decode()
    assert Subscriber.objects.exists()


@pytest.mark.django_db
def test_the_test_mail_goes_to_the_given_address_only(pages):
    confirmed(2)
    issue = NewsletterIssueFactory(language="en", subject="March news")
    newsletter_sending.send_test(issue, "editor@example.pt")
    (message,) = mail.outbox
    assert message.to == ["editor@example.pt"] and message.subject == "[Test] March news"
    assert not NewsletterDelivery.objects.exists()
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.DRAFT


@pytest.mark.django_db
def test_scheduled_command_sends_due_issues_and_resumes_stalled_ones(pages):
    confirmed(2)
    due = NewsletterIssueFactory(
        status=NewsletterIssue.Status.SCHEDULED, scheduled_at=timezone.now() - timedelta(minutes=1)
    )
    later = NewsletterIssueFactory(
        status=NewsletterIssue.Status.SCHEDULED, scheduled_at=timezone.now() + timedelta(hours=1)
    )
    draft = NewsletterIssueFactory(scheduled_at=timezone.now() - timedelta(hours=1))
    call_command("send_scheduled_newsletters")
    statuses = dict(NewsletterIssue.objects.values_list("pk", "status"))
    assert statuses == {due.pk: "sent", later.pk: "scheduled", draft.pk: "draft"}
    assert len(mail.outbox) == 2

    stalled = sending(NewsletterIssueFactory(last_batch_at=timezone.now() - timedelta(hours=1)))
    running = sending(NewsletterIssueFactory(last_batch_at=timezone.now()))
    call_command("send_scheduled_newsletters")
    stalled.refresh_from_db()
    assert stalled.status == "sent" and len(mail.outbox) == 4
    assert running.delivery_counts()["pending"] == 2  # its worker is alive: left alone


@pytest.mark.django_db
def test_a_second_delivery_row_for_the_same_pair_is_refused(pages):
    from django.db import IntegrityError, transaction

    (subscriber,) = confirmed(1)
    issue = NewsletterIssueFactory()
    NewsletterDelivery.objects.create(issue=issue, subscriber=subscriber)
    with pytest.raises(IntegrityError), transaction.atomic():
        NewsletterDelivery.objects.create(issue=issue, subscriber=subscriber)
