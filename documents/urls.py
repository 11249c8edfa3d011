from django.urls import path

from .calendar_views import webinar_calendar
from .feeds import CaseStudyFeed, DocumentFeed, WebinarFeed, atom

urlpatterns = [
    path("documents/", DocumentFeed(), name="feed_documents"),
    path("documents/atom/", atom(DocumentFeed)(), name="feed_documents_atom"),
    path("webinars/", WebinarFeed(), name="feed_webinars"),
    path("webinars/atom/", atom(WebinarFeed)(), name="feed_webinars_atom"),
    path("webinars/calendar.ics", webinar_calendar, name="feed_webinars_calendar"),
    path("case-studies/", CaseStudyFeed(), name="feed_case_studies"),
    path("case-studies/atom/", atom(CaseStudyFeed)(), name="feed_case_studies_atom"),
]
