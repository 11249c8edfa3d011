"""The newsletter's mails name their list (List-Id), and the one-click unsubscribe answers in the
subscriber's language, in UTF-8, whether the POST is the first or a repeat, and a subject stored
with a line break before the form refused them still goes out."""

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from buyers import newsletter_mail, newsletter_sending
from buyers.models import NewsletterIssue, Subscriber
from tests.buyers.factories import NewsletterIssueFactory, NewsletterPageFactory, SubscriberFactory

UNSUBSCRIBED = {"pt": "A subscrição foi cancelada.", "en": "You are unsubscribed."}
NOT_VALID = {"pt": "Esta ligação não é válida.", "en": "This link is not valid."}


@pytest.fixture
def pages(translated_pair):
    return translated_pair(NewsletterPageFactory, "newsletter")


def subscriber(language):
    return SubscriberFactory(language=language, confirmed_at=timezone.now())


@pytest.mark.django_db
def test_every_newsletter_mail_carries_the_list_id(pages, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://procureplus.example.pt"
    subscriber("pt")
    newsletter_sending.start_sending(NewsletterIssueFactory(language="pt"))
    newcomer = Subscriber.objects.create(email="new@example.pt", language="en")
    newsletter_mail.send_confirmation(newcomer, "https://x/confirm/", "https://x/unsubscribe/")
    newsletter_mail.send_welcome(newcomer, "https://x/unsubscribe/")
    expected = "Procure+i <newsletter.procureplus.example.pt>"
    assert len(mail.outbox) == 3
    for message in mail.outbox:
        assert message.extra_headers["List-Id"] == expected, message.subject
        assert message.message()["List-Id"] == expected


@pytest.mark.django_db
def test_a_subject_stored_with_a_line_break_is_sent_on_one_line(pages):
    subscriber("pt")
    issue = NewsletterIssueFactory(language="pt", subject="Novidades\r\nBcc: all@example.pt")
    newsletter_sending.start_sending(issue)
    (message,) = mail.outbox
    assert message.subject == "Novidades Bcc: all@example.pt"
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT and issue.delivery_counts()["sent"] == 1


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pt", "en"])
def test_one_click_answers_in_the_subscribers_language(pages, language):
    person = subscriber(language)
    newsletter_sending.start_sending(NewsletterIssueFactory(language=language))
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    client = Client(enforce_csrf_checks=True)
    other = "en" if language == "pt" else "pt"
    for attempt in ("first", "again"):  # again: the address is gone, the link names the language
        response = client.post(
            link,
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
            headers={"accept-language": other},
        )
        assert response.status_code == 200, attempt
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert response["Content-Language"] == language
        assert response.content.decode("utf-8") == UNSUBSCRIBED[language], attempt
    assert not Subscriber.objects.filter(pk=person.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pt", "en"])
def test_the_one_click_address_in_a_browser_opens_the_subscribers_page(client, pages, language):
    person = subscriber(language)
    url = reverse("newsletter_one_click_unsubscribe", args=[person.unsubscribe_token()])
    other = "en" if language == "pt" else "pt"
    response = client.get(url, headers={"accept-language": other})
    assert response.status_code == 302 and response["Location"].startswith(f"/{language}/")
    page = client.get(response["Location"])
    assert page["Content-Type"] == "text/html; charset=utf-8"
    assert f'<html lang="{language}"' in page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pt", "en"])
@pytest.mark.parametrize("junk", ["junk", "1:abc:def", "ã" * 20])
def test_a_bad_link_is_refused_in_the_visitors_language(client, pages, language, junk):
    url = reverse("newsletter_one_click_unsubscribe", args=[junk])
    for response in (
        client.post(url, headers={"accept-language": language}),
        client.get(url + "?lang=" + language),
        client.post(url + "?lang=xx%00", headers={"accept-language": language}),
    ):
        assert response.status_code == 400
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert response.content.decode("utf-8") == NOT_VALID[language]
