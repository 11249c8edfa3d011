"""The dashboard's inbox panel: new, in progress, and open requests waiting too long."""

import datetime

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from wagtail.admin.ui.components import Component

from buyers.models import SupportRequest


def inbox_counts(now=None):
    """The three counts in one query."""
    cutoff = (now or timezone.now()) - datetime.timedelta(
        days=settings.SUPPORT_REQUEST_WAITING_DAYS
    )
    status = SupportRequest.Status
    return SupportRequest.objects.aggregate(
        new=Count("pk", filter=Q(status=status.NEW)),
        in_progress=Count("pk", filter=Q(status=status.IN_PROGRESS)),
        waiting=Count("pk", filter=Q(status__in=SupportRequest.OPEN, submit_time__lt=cutoff)),
    )


class SupportInboxPanel(Component):
    name = "support_inbox"
    template_name = "buyers/inbox/dashboard_panel.html"
    order = 140

    def get_context_data(self, parent_context):
        return {"counts": inbox_counts(), "waiting_days": settings.SUPPORT_REQUEST_WAITING_DAYS}
