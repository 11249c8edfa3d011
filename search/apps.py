from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The portal's own search index; content apps register what it holds."""

    name = "search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from search import signals

        signals.connect()
