"""The mail queue: a request stores its mail and enqueues a task; the worker sends it.

Nobody waits on the mail server, and a mail that cannot be sent stays in the database, is
tried again with a growing delay and, after the last attempt, is logged at ERROR (mailed to
ADMINS) and listed for staff, who can send it again.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone, translation

from django_tasks import task

from core.models import OutgoingMail

logger = logging.getLogger(__name__)


def queue_mail(subject, body, recipients, **options):
    """Store a mail and enqueue its delivery; returns the OutgoingMail row."""
    mail = store_mail(subject, body, recipients, **options)
    deliver_mail.enqueue(mail.pk)
    return mail


def store_mail(subject, body, recipients, *, from_email=None, headers=None, html_body=""):
    """Store a mail without enqueuing it: for a caller that stores several in one transaction
    and enqueues them after it (a mail stored but never enqueued is found by `enqueue_due`).
    `headers` are extra headers, e.g. List-Unsubscribe."""
    return OutgoingMail.objects.create(
        subject=str(subject)[:255],
        from_email=from_email or "",
        recipients=list(recipients),
        body=body,
        html_body=html_body,
        headers=headers or {},
        language=translation.get_language() or "",
    )


def as_message(mail):
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.body,
        from_email=mail.from_email or None,
        to=mail.recipients,
        headers=mail.headers,
    )
    if mail.html_body:
        message.attach_alternative(mail.html_body, "text/html")
    return message


def retry_delay(attempts):
    """Backoff: the base delay, doubled after each failed attempt."""
    return timedelta(seconds=settings.MAIL_RETRY_SECONDS * 2 ** (attempts - 1))


def schedule(mail):
    """Enqueue the next attempt at its time; a backend that cannot defer leaves it to the
    `send_queued_mail` command."""
    if deliver_mail.get_backend().supports_defer:
        deliver_mail.using(run_after=mail.next_attempt_at).enqueue(mail.pk)


def record_failure(mail, error):
    mail.attempts += 1
    mail.last_error = f"{type(error).__name__}: {error}"[:2000]
    if mail.attempts >= settings.MAIL_MAX_ATTEMPTS:
        mail.status = OutgoingMail.Status.FAILED
        mail.next_attempt_at = None
        mail.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
        logger.error(
            "Mail %s (%r to %s) not sent after %s attempts: %s",
            mail.pk,
            mail.subject,
            mail.recipient_list,
            mail.attempts,
            mail.last_error,
        )
        return
    mail.next_attempt_at = timezone.now() + retry_delay(mail.attempts)
    mail.save(update_fields=["attempts", "last_error", "next_attempt_at"])
    logger.warning("Mail %s not sent (attempt %s), retrying", mail.pk, mail.attempts)
    schedule(mail)


@task()
def deliver_mail(mail_id):
    """Send one queued mail; on failure, schedule the next attempt or give up and report."""
    mail = OutgoingMail.objects.filter(pk=mail_id, status=OutgoingMail.Status.QUEUED).first()
    if mail is None:
        return  # already sent, given up, or deleted since it was enqueued
    try:
        as_message(mail).send()
    except Exception as error:  # whatever the server did: keep the mail, try again
        record_failure(mail, error)
        return
    mail.status = OutgoingMail.Status.SENT
    mail.attempts += 1
    mail.sent_at = timezone.now()
    mail.next_attempt_at = None
    mail.save(update_fields=["status", "attempts", "sent_at", "next_attempt_at"])


def send_again(mail):
    """A failed mail goes back to the queue with its attempts counted afresh."""
    mail.status = OutgoingMail.Status.QUEUED
    mail.attempts = 0
    mail.next_attempt_at = None
    mail.save(update_fields=["status", "attempts", "next_attempt_at"])
    deliver_mail.enqueue(mail.pk)


def enqueue_due():
    """Enqueue every queued mail whose time has come (after a lost worker, or without defer)."""
    due = OutgoingMail.objects.filter(status=OutgoingMail.Status.QUEUED).exclude(
        next_attempt_at__gt=timezone.now()
    )
    ids = list(due.values_list("pk", flat=True))
    for mail_id in ids:
        deliver_mail.enqueue(mail_id)
    return len(ids)
