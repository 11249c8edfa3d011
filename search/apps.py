from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The portal's own search index; content apps register what it holds."""

    name = "search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from django.db.backends.signals import connection_created

        from search import signals, statistics, stemming

        signals.connect()
        statistics.connect()
        connection_created.connect(stemming.register_sqlite_function)
