"""A batch costs a fixed number of queries plus one INSERT per mail: no query per subscriber
grows with the issue or the list."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from buyers import newsletter_sending
from buyers.models import NewsletterDelivery, NewsletterIssue, Subscriber
from tests.buyers.factories import NewsletterIssueFactory, NewsletterPageFactory, SubscriberFactory


class NotSent:
    def enqueue(self, mail_id):
        return None


def batch_queries(issue, settings, size):
    settings.NEWSLETTER_BATCH_SIZE = size
    with CaptureQueriesContext(connection) as queries:
        newsletter_sending.send_batch(issue)
    inserts = [q for q in queries if q["sql"].startswith("INSERT")]
    return len(queries) - len(inserts), len(inserts)


@pytest.mark.django_db
def test_a_batch_costs_the_same_whatever_its_size(translated_pair, settings, monkeypatch):
    translated_pair(NewsletterPageFactory, "newsletter")
    SubscriberFactory.create_batch(30, language="pt", confirmed_at=timezone.now())
    issue = NewsletterIssueFactory(status=NewsletterIssue.Status.SENDING)
    NewsletterDelivery.objects.bulk_create(
        NewsletterDelivery(issue=issue, subscriber=s) for s in Subscriber.objects.confirmed()
    )
    # The mails are counted, not sent: the mail queue's own cost is not the batch's.
    monkeypatch.setattr(newsletter_sending, "deliver_mail", NotSent())
    batch_queries(issue, settings, 1)  # warms the site's root paths, cached from then on
    small = batch_queries(issue, settings, 3)
    large = batch_queries(issue, settings, 26)
    assert small[0] == large[0], (small, large)  # the same fixed queries
    assert (small[1], large[1]) == (3, 26)  # one stored mail each
