from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseStudiesConfig(AppConfig):
    name = "casestudies"
    shown_on_pages = True  # an edit to any record here bumps the page cache's version
    verbose_name = _("Case studies")

    def ready(self):
        from casestudies.models import CaseStudyPage
        from search.registry import register_kind

        # Case studies are found under their own kind, with answers before library sheets.
        register_kind(CaseStudyPage.search_kind, _("Case study"), boost=1.4)

    def load_fixtures(self, loader):
        """Loads this app's records from fixtures/ (ops.content_loader calls it)."""
        from casestudies.fixture_loading import load

        load(loader)
