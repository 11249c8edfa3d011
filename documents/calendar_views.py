"""The subscribable calendar of every webinar, one per language, beside the RSS feeds."""

from django.http import HttpResponse
from django.utils.translation import gettext as _

from core.feeds import index_page_or_404

from .calendar import webinars_ics
from .models import Webinar, WebinarIndexPage


def webinar_calendar(request):
    """All webinars, linked to their pages in the active language; 404 when the list is hidden."""
    # Webinars are seen through their list page: no calendar where a visitor may not see it.
    index = index_page_or_404(WebinarIndexPage, request)
    body = webinars_ics(
        Webinar.objects.order_by("starts_on", "start_time"),
        lambda webinar: request.build_absolute_uri(index.webinar_url(webinar)),
        _("Procure+i webinars"),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="procure-i-webinars.ics"'
    return response
