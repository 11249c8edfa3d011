"""Every mail the portal sends, kept as a row until it is delivered (or fails for good)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OutgoingMail(models.Model):
    class Status(models.TextChoices):
        # Participles agreeing with "mensagem" (feminine): "Em fila", "Enviada", "Falhada".
        QUEUED = "queued", pgettext_lazy("mail status", "Queued")
        SENT = "sent", pgettext_lazy("mail status", "Sent")
        FAILED = "failed", pgettext_lazy("mail status", "Failed")

    subject = models.CharField(_("subject"), max_length=255)
    from_email = models.CharField(_("sender"), max_length=255, blank=True)
    recipients = models.JSONField(_("recipients"), default=list)
    body = models.TextField(_("plain text"))
    html_body = models.TextField(_("HTML text"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=5, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(
        pgettext_lazy("outgoing message", "created"), auto_now_add=True
    )
    sent_at = models.DateTimeField(pgettext_lazy("outgoing message", "sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        # Counted one by one under the listing: «2 mensagens de saída», not «2 correio de saída».
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")

    def __str__(self):
        return self.subject

    @property
    def recipient_list(self):
        return ", ".join(self.recipients)
