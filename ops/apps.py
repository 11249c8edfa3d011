from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Running the portal: content loader, backup and restore, scale data, the first admin."""

    name = "ops"
    verbose_name = _("Operations")
