from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The portal's own search index; content apps register what it holds."""

    name = "search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_save

        from search import signals, statistics, stemming, synonyms, vectors

        signals.connect()
        synonyms.connect()
        statistics.connect()
        connection_created.connect(stemming.register_sqlite_function)
        post_save.connect(vectors.entry_saved, sender="search.SearchEntry", dispatch_uid="vectors")
