from django.conf import settings
from django.core.checks import Error, register

from .policy import CHOICES


@register()
def two_factor_setting(app_configs, **kwargs):
    """A typo in TWO_FACTOR_REQUIRED_FOR must not silently switch the second factor off."""
    if settings.TWO_FACTOR_REQUIRED_FOR in CHOICES:
        return []
    return [
        Error(
            f"TWO_FACTOR_REQUIRED_FOR is {settings.TWO_FACTOR_REQUIRED_FOR!r}; "
            f"expected one of {', '.join(CHOICES)}.",
            id="accounts.E001",
        )
    ]
