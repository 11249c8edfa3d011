"""The id of the active language's Wagtail locale, without a query per link."""

from django.utils.translation import get_language

from wagtail.models import Locale

_ids = {}  # language code -> locale id; a stale id only sends a link down the slower path


def active_locale_id():
    code = get_language()
    if code not in _ids:
        found = Locale.objects.filter(language_code=code).values_list("id", flat=True).first()
        if found is None:
            return None
        _ids[code] = found
    return _ids[code]
