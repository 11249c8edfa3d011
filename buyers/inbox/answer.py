"""Answering a request: the answer is kept with it and mailed, in its language, by the queue."""

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from buyers.models import SupportRequest
from core.outgoing_mail import queue_mail
from core.templatetags.format_tags import long_date


class NoAddress(Exception):
    """The request has no e-mail address to answer (a form without an e-mail field)."""


def answer_mail(support_request, answer):
    """(subject, body) in the request's language; notes and staff names are never part of it."""
    with translation.override(support_request.language):
        submitted = long_date(timezone.localtime(support_request.submit_time).date())
        subject = _("Procure+i: answer to your request of %(date)s") % {"date": submitted}
        body = render_to_string(
            "emails/support_request_answer.txt",
            {"answer": answer, "question": support_request.message(), "submitted": submitted},
        )
    return subject, body


def send_answer(support_request, answer, user=None, now=None):
    """Queue the answer mail, keep the answer, mark the request answered (first date once);
    whoever answers a request nobody owned becomes its owner."""
    address = support_request.requester_address()
    if not address:
        raise NoAddress
    now = now or timezone.now()
    subject, body = answer_mail(support_request, answer)
    sender = support_request.page.specific.from_address
    with transaction.atomic():
        rows = SupportRequest.objects.filter(pk=support_request.pk)
        rows.update(answer=answer, status=SupportRequest.Status.ANSWERED)
        # Only the first answer sets the date, even when two answers race.
        rows.filter(first_answered_at__isnull=True).update(first_answered_at=now)
        if user is not None:
            rows.filter(owner__isnull=True).update(owner=user)
        with translation.override(support_request.language):  # the queue records the language
            queue_mail(subject, body, [address], from_email=sender)
    support_request.refresh_from_db()
    return support_request
