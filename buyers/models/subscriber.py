"""Newsletter subscribers: the address, its language, its consent, and the signed tokens of the
links that confirm or end a subscription."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import models
from django.utils.translation import gettext_lazy as _

CONFIRM_SALT = "buyers.newsletter.confirm"
UNSUBSCRIBE_SALT = "buyers.newsletter.unsubscribe"
LANGUAGE_CHOICES = settings.LANGUAGES


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed_before(self, moment):
        return self.filter(confirmed_at__isnull=True, created_at__lt=moment)


class Subscriber(models.Model):
    """Only what sending needs: the address, the language, and when consent was given."""

    shown_on_pages = False  # no page shows subscribers: a sign-up leaves cached pages alone
    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-confirmed_at", "email"]

    def __str__(self):
        return self.email

    def token_value(self):
        # The address itself stays out of links (and so out of server logs): a digest of it.
        digest = hashlib.sha256(self.email.lower().encode()).hexdigest()[:20]
        return f"{self.pk}:{digest}"

    def confirm_token(self):
        return signing.dumps(self.token_value(), salt=CONFIRM_SALT)

    def unsubscribe_token(self):
        return signing.dumps(self.token_value(), salt=UNSUBSCRIBE_SALT)

    @classmethod
    def from_token(cls, token, salt, max_age=None):
        """The subscriber a signed token names, or None if it is tampered, expired or stale."""
        try:
            value = signing.loads(token, salt=salt, max_age=max_age)
            pk = int(str(value).split(":", 1)[0])
        except (signing.BadSignature, ValueError):
            return None
        subscriber = cls.objects.filter(pk=pk).first()
        if subscriber is None or subscriber.token_value() != value:
            return None
        return subscriber


def is_signed(token, salt):
    try:
        signing.loads(token, salt=salt)
    except signing.BadSignature:
        return False
    return True


def confirmation_age():
    return timedelta(days=settings.NEWSLETTER_CONFIRMATION_DAYS)
