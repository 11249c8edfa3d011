"""Every newsletter message goes through here, so each carries an unsubscribe link; the mail
queue sends it."""

from urllib.parse import urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.outgoing_mail import queue_mail

CONFIRM_SUBJECT = _("Procure+i newsletter: please confirm your subscription")
WELCOME_SUBJECT = _("Procure+i newsletter: subscription confirmed")
LIST_NAME = "Procure+i"


def list_id():
    """RFC 2919's List-Id, by which mail programs and filters know the newsletter's mails:
    `Procure+i <newsletter.portal-host>`."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    return f"{LIST_NAME} <newsletter.{host}>"


def one_line(subject):
    """A subject as a header can carry it: no line breaks, whatever was stored before the form
    refused them (a mail with one fails at every attempt)."""
    return " ".join(str(subject).split())


def send_to_subscriber(subscriber, subject, template, unsubscribe_url, context=None):
    """Mail a subscriber in their language, with the unsubscribe link in the text and header."""
    with translation.override(subscriber.language):
        body = render_to_string(template, {**(context or {}), "unsubscribe_url": unsubscribe_url})
        queue_mail(
            subject,
            body,
            [subscriber.email],
            headers={"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Id": list_id()},
        )


def send_confirmation(subscriber, confirm_url, unsubscribe_url):
    send_to_subscriber(
        subscriber,
        CONFIRM_SUBJECT,
        "emails/newsletter_confirm.txt",
        unsubscribe_url,
        {"confirm_url": confirm_url},
    )


def send_welcome(subscriber, unsubscribe_url):
    send_to_subscriber(
        subscriber, WELCOME_SUBJECT, "emails/newsletter_welcome.txt", unsubscribe_url
    )
