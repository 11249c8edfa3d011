from django.urls import path

from core.feeds import atom

from .feeds import CaseStudyFeed

urlpatterns = [
    path("case-studies/", CaseStudyFeed(), name="feed_case_studies"),
    path("case-studies/atom/", atom(CaseStudyFeed)(), name="feed_case_studies_atom"),
]
