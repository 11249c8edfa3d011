"""Newsletter issues, one language each, and one delivery row per subscriber they go to."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import PreviewableMixin

from buyers.blocks import NewsletterItemBlock
from buyers.newsletter_render import preview_response
from core.models import OutgoingMail

from .subscriber import LANGUAGE_CHOICES, Subscriber


class NewsletterIssueQuerySet(models.QuerySet):
    def sent(self):
        return self.filter(status=NewsletterIssue.Status.SENT)

    def due(self, moment=None):
        """Scheduled issues whose time has come."""
        return self.filter(
            status=NewsletterIssue.Status.SCHEDULED, scheduled_at__lte=moment or timezone.now()
        )

    def stalled(self, quiet):
        """Sends under way with no batch for `quiet` (a timedelta): their worker was lost."""
        return self.filter(status=NewsletterIssue.Status.SENDING).filter(
            Q(last_batch_at__isnull=True) | Q(last_batch_at__lt=timezone.now() - quiet)
        )


class NewsletterIssue(PreviewableMixin, models.Model):
    """What one issue says; its sending is in buyers/newsletter_sending.py."""

    shown_on_pages = True  # the public archive lists sent issues

    class Status(models.TextChoices):
        # An issue ("edição") is feminine in Portuguese: its own context, not the mail's "Sent".
        DRAFT = "draft", pgettext_lazy("newsletter issue", "Draft")
        SCHEDULED = "scheduled", pgettext_lazy("newsletter issue", "Scheduled")
        SENDING = "sending", pgettext_lazy("newsletter issue", "Sending")
        SENT = "sent", pgettext_lazy("newsletter issue", "Sent")

    language = models.CharField(
        _("language"),
        max_length=8,
        choices=LANGUAGE_CHOICES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The issue goes to the confirmed subscribers of this language only."),
    )
    subject = models.CharField(
        _("subject"), max_length=200, help_text=_("The mail's subject and the issue's title.")
    )
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("A few sentences before the items.")
    )
    items = StreamField(
        [("item", NewsletterItemBlock())],
        blank=True,
        verbose_name=_("items"),
        help_text=_(
            "New content since the last issue; a new issue starts with the content the portal "
            "proposes, which you may edit, reorder or remove."
        ),
    )
    scheduled_at = models.DateTimeField(
        _("send at"),
        null=True,
        blank=True,
        help_text=_("Leave empty to send by hand. A moderator's “Schedule” sends it at this time."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text=_("Set by the buttons “Send now” and “Schedule”, never by hand."),
    )
    created_at = models.DateTimeField(
        pgettext_lazy("newsletter issue", "created"),
        auto_now_add=True,
        help_text=_("When the issue was first saved."),
    )
    sent_at = models.DateTimeField(
        pgettext_lazy("newsletter issue", "sent"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("When the last batch went to the mail queue: the date the archive shows."),
    )
    # Progress of a send under way: a send whose batches stopped is resumed, a live one left alone.
    last_batch_at = models.DateTimeField(
        _("last batch"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the send's last batch ran."),
    )

    objects = NewsletterIssueQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("language"), FieldPanel("scheduled_at")]),
        FieldPanel("subject"),
        FieldPanel("intro"),
        FieldPanel("items"),
    ]

    class Meta:
        ordering = ["-sent_at", "-created_at", "-pk"]
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        permissions = [("send_newsletterissue", _("Can send newsletter issues"))]

    def __str__(self):
        return self.subject

    @property
    def is_editable(self):
        return self.status in (self.Status.DRAFT, self.Status.SCHEDULED)

    # The admin's live preview shows the mail as a subscriber gets it, in both parts.
    @property
    def preview_modes(self):
        return [("html", _("HTML")), ("text", _("Plain text"))]

    def serve_preview(self, request, mode_name):
        return preview_response(self, mode_name)

    def delivery_counts(self):
        """{sent, failed, pending, skipped}: one query over the deliveries and their mails."""
        queued, mail = NewsletterDelivery.Status.QUEUED, OutgoingMail.Status
        counts = self.deliveries.aggregate(
            sent=Count("pk", filter=Q(status=queued, mail__status=mail.SENT)),
            failed=Count("pk", filter=Q(status=queued, mail__status=mail.FAILED)),
            pending=Count(
                "pk",
                filter=Q(status=NewsletterDelivery.Status.PENDING)
                | Q(status=queued, mail__status=mail.QUEUED),
            ),
            skipped=Count("pk", filter=Q(status=NewsletterDelivery.Status.SKIPPED)),
        )
        counts["total"] = sum(counts.values())
        return counts


class NewsletterDelivery(models.Model):
    """One issue to one subscriber, created before the first mail: a resumed send only takes the
    pending rows, and the unique pair keeps anyone from getting an issue twice."""

    shown_on_pages = False  # sending changes no page; the issue's own status change does

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("newsletter delivery", "Pending")
        QUEUED = "queued", _("Handed to the mail queue")
        SKIPPED = "skipped", _("Skipped (unsubscribed)")

    issue = models.ForeignKey(
        NewsletterIssue,
        verbose_name=_("issue"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    # An unsubscribe deletes the subscriber; the row stays, without the address, for the counts.
    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("subscriber"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    mail = models.ForeignKey(
        OutgoingMail,
        verbose_name=_("mail"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletter_delivery_once_per_subscriber"
            )
        ]
        indexes = [models.Index(fields=["issue", "status"], name="newsletter_delivery_status")]

    def __str__(self):
        return f"{self.issue_id}/{self.subscriber_id}"
