"""Sending a newsletter issue: a test to the editor, then to every confirmed subscriber of its
language, in throttled batches through the task queue.

Every delivery row exists before the first mail goes out. A batch locks its pending rows
(skipped if another worker holds them), stores their mails and marks them in one transaction:
a crash rolls back the whole batch, and the next run takes only what is still pending. The mail
queue (core/outgoing_mail.py) then sends each mail, with its retries.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from django_tasks import task

from buyers.models import NewsletterDelivery, NewsletterIssue, Subscriber
from buyers.newsletter_mail import list_id, one_line
from buyers.newsletter_render import IssueLinks, render_issue
from core.outgoing_mail import deliver_mail, queue_mail, store_mail

# A send with no batch for its pause plus this long has lost its worker and is resumed.
STALLED_AFTER_SECONDS = 600
ONE_CLICK = "List-Unsubscribe=One-Click"  # RFC 8058's fixed body of the unsubscribe POST


def send_test(issue, address):
    """The issue to one address (the editor's own), marked as a test; no subscriber involved."""
    links = IssueLinks(issue)
    text, html = render_issue(issue, links, links.page_url)
    with translation.override(issue.language):
        subject = _("[Test] %(subject)s") % {"subject": one_line(issue.subject)}
        return queue_mail(subject, text, [address], html_body=html)


def start_sending(issue):
    """Create one delivery per confirmed subscriber of the issue's language and start the
    batches; a second call (or a send already under way) adds nobody twice."""
    with transaction.atomic():
        issue = NewsletterIssue.objects.select_for_update().get(pk=issue.pk)
        if issue.is_editable:
            subscribers = Subscriber.objects.confirmed().filter(language=issue.language)
            NewsletterDelivery.objects.bulk_create(
                [
                    NewsletterDelivery(issue=issue, subscriber_id=pk)
                    for pk in subscribers.values_list("pk", flat=True).iterator()
                ],
                batch_size=1000,
                ignore_conflicts=True,
            )
            issue.status = NewsletterIssue.Status.SENDING
            issue.last_batch_at = timezone.now()
            issue.save(update_fields=["status", "last_batch_at"])
    send_newsletter_batches.enqueue(issue.pk)
    return issue


def send_batch(issue):
    """Hand the next NEWSLETTER_BATCH_SIZE pending deliveries to the mail queue; whether any
    remain pending."""
    links = IssueLinks(issue)
    stored = []
    with transaction.atomic():
        pending = (
            issue.deliveries.filter(status=NewsletterDelivery.Status.PENDING)
            .select_related("subscriber")
            .select_for_update(skip_locked=True, of=("self",))
            .order_by("pk")
        )
        batch = list(pending[: settings.NEWSLETTER_BATCH_SIZE])
        for delivery in batch:
            delivery.mail, delivery.status = mail_for(issue, links, delivery.subscriber)
            stored.append(delivery.mail)
        NewsletterDelivery.objects.bulk_update(batch, ["mail", "status"])
        # update(), not save(): progress is no content change, the page cache stays.
        NewsletterIssue.objects.filter(pk=issue.pk).update(last_batch_at=timezone.now())
    for mail in stored:
        if mail is not None:
            deliver_mail.enqueue(mail.pk)
    return issue.deliveries.filter(status=NewsletterDelivery.Status.PENDING).exists()


def mail_for(issue, links, subscriber):
    """(stored mail, new status) for one delivery; an address gone since the start gets none."""
    if subscriber is None or subscriber.confirmed_at is None:
        return None, NewsletterDelivery.Status.SKIPPED
    text, html = render_issue(issue, links, links.unsubscribe_page(subscriber))
    headers = {
        "List-Unsubscribe": f"<{links.one_click(subscriber)}>",
        "List-Unsubscribe-Post": ONE_CLICK,
        "List-Id": list_id(),
    }
    with translation.override(issue.language):
        mail = store_mail(
            one_line(issue.subject), text, [subscriber.email], html_body=html, headers=headers
        )
    return mail, NewsletterDelivery.Status.QUEUED


def finish(issue):
    issue.status = NewsletterIssue.Status.SENT
    issue.sent_at = timezone.now()
    issue.save(update_fields=["status", "sent_at"])  # the archive's pages change now


@task()
def send_newsletter_batches(issue_id):
    """One batch, then the next one NEWSLETTER_BATCH_PAUSE_SECONDS later; a backend that cannot
    defer (tasks run immediately) sends all batches in one go."""
    issue = NewsletterIssue.objects.filter(pk=issue_id, status=NewsletterIssue.Status.SENDING)
    issue = issue.first()
    if issue is None:
        return  # sent already, or deleted
    can_defer = send_newsletter_batches.get_backend().supports_defer
    while send_batch(issue):
        if can_defer:
            pause = timedelta(seconds=settings.NEWSLETTER_BATCH_PAUSE_SECONDS)
            send_newsletter_batches.using(run_after=timezone.now() + pause).enqueue(issue_id)
            return
    finish(issue)


def send_due():
    """Start every scheduled issue whose time has come, and resume every send whose batches
    stopped (a lost worker); (started, resumed)."""
    quiet = timedelta(seconds=settings.NEWSLETTER_BATCH_PAUSE_SECONDS + STALLED_AFTER_SECONDS)
    resumed = list(NewsletterIssue.objects.stalled(quiet).values_list("pk", flat=True))
    for issue_id in resumed:
        send_newsletter_batches.enqueue(issue_id)
    started = list(NewsletterIssue.objects.due())
    for issue in started:
        start_sending(issue)
    return len(started), len(resumed)
