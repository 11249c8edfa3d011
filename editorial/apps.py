from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial")

    def ready(self):
        from editorial import admin_language_fixes, downloads

        downloads.connect()
        admin_language_fixes.connect()
