from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app builds on: base pages, blocks, listing, caches, middleware, error views."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from core import collection_moves, page_cache

        collection_moves.send_after_move()
        page_cache.connect()
