"""A dead mail server costs nobody a request: the thank-you page, the data kept, the mail
queued and delivered by the worker once a real SMTP server (aiosmtpd on loopback) is up."""

from datetime import timedelta

from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from buyers.models import Subscriber, SupportRequest
from core.models import OutgoingMail
from tests.buyers.factories import NewsletterPageFactory, SupportRequestPageFactory
from tests.buyers.test_support_request import VALID
from tests.mail_server import run_worker

THANKS = {"pt": "Obrigado", "en": "Thank you"}


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_support_request_with_the_mail_server_down_is_answered_kept_and_sent_later(
    client, translated_pair, settings, smtp, code
):
    settings.SUPPORT_REQUEST_RECIPIENTS = ["procureplus@example.pt"]
    page = translated_pair(SupportRequestPageFactory, "ask")[code]

    response = client.post(page.url, VALID)

    assert response.status_code == 200 and THANKS[code] in response.content.decode()
    assert SupportRequest.objects.filter(page=page).count() == 1
    queued = OutgoingMail.objects.filter(status=OutgoingMail.Status.QUEUED)
    assert sorted(r for mail in queued for r in mail.recipients) == [
        "ana@example.pt",
        "procureplus@example.pt",
    ]
    smtp.start()
    run_worker()
    assert {mail.status for mail in OutgoingMail.objects.all()} == {OutgoingMail.Status.SENT}
    requester, staff = sorted(smtp.inbox.messages)  # ana@ before procureplus@
    assert requester[0] == ["ana@example.pt"] and VALID["message"] in requester[2]
    greeting = {"pt": "recebeu o seu pedido", "en": "has received your request"}[code]
    assert greeting in requester[2]
    assert staff[0] == ["procureplus@example.pt"] and VALID["organisation"] in staff[2]


@pytest.mark.django_db
def test_worker_retries_while_the_server_is_down_and_delivers_when_it_is_back(
    client, translated_pair, settings, smtp
):
    settings.MAIL_RETRY_SECONDS = 600
    page = translated_pair(NewsletterPageFactory, "newsletter")["pt"]

    response = client.post(page.url, {"email": "rui@example.pt", "consent": "on"})
    assert response.status_code == 200 and Subscriber.objects.filter(email="rui@example.pt")
    run_worker()
    mail = OutgoingMail.objects.get()
    assert mail.status == OutgoingMail.Status.QUEUED and mail.attempts == 1
    assert "Connection" in mail.last_error
    wait = mail.next_attempt_at - timezone.now()
    assert timedelta(seconds=590) < wait <= timedelta(seconds=600)
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after == mail.next_attempt_at

    smtp.start()
    run_worker()
    assert smtp.inbox.messages == []  # not yet due
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())  # ten minutes on
    run_worker()
    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.SENT and mail.attempts == 2
    ((recipients, subject, body),) = smtp.inbox.messages
    assert recipients == ["rui@example.pt"] and "confirm" in body
    assert "subscri" in subject.lower()
