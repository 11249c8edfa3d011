from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.db.backends.signals import connection_created

        from portal import page_cache, signals, stemming

        signals.connect()
        page_cache.connect()
        connection_created.connect(stemming.register_sqlite_function)
