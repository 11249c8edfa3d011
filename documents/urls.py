from django.urls import path

from core.feeds import atom

from .calendar_views import webinar_calendar
from .feeds import DocumentFeed, WebinarFeed

urlpatterns = [
    path("documents/", DocumentFeed(), name="feed_documents"),
    path("documents/atom/", atom(DocumentFeed)(), name="feed_documents_atom"),
    path("webinars/", WebinarFeed(), name="feed_webinars"),
    path("webinars/atom/", atom(WebinarFeed)(), name="feed_webinars_atom"),
    path("webinars/calendar.ics", webinar_calendar, name="feed_webinars_calendar"),
]
