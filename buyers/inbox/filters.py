"""The inbox's filters; a value that is not one of the choices is dropped, never a 500."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet

import django_filters

from buyers.models import SupportRequest

from .forms import staff_name, staff_who_handle_requests


class StaffField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        # The admin's active-filter chip passes the "null" choice's value as it is.
        return staff_name(obj) if hasattr(obj, "get_username") else str(self.null_label)


class StaffFilter(django_filters.ModelChoiceFilter):
    field_class = StaffField


OPEN = "open"


def age_choices():
    """2, 7 and 30 days, and the dashboard's waiting period, so its link filters the same way."""
    days = sorted({2, 7, 30, settings.SUPPORT_REQUEST_WAITING_DAYS})
    return [(str(n), _("Older than %(days)s days") % {"days": n}) for n in days]


class SupportRequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(OPEN, _("Open (new or in progress)")), *SupportRequest.Status.choices],
        method="with_status",
    )
    topic = django_filters.ChoiceFilter(label=_("Topic"), choices=[])
    owner = StaffFilter(
        label=_("Owner"),
        queryset=lambda request: staff_who_handle_requests(),
        null_label=_("Nobody"),
    )
    age = django_filters.ChoiceFilter(label=_("Age"), choices=age_choices, method="older_than")

    class Meta:
        model = SupportRequest
        fields = ["status", "topic", "owner", "age"]

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        topics = SupportRequest.objects.order_by("topic").values_list("topic", flat=True)
        self.filters["topic"].extra["choices"] = [(t, t) for t in topics.distinct() if t]
        if data is not None and not self.form.is_valid():
            # Keep the valid filters, drop the junk ones (Wagtail ignores all when one is bad).
            self.data = data.copy()
            for name in self.form.errors:
                self.data.pop(name, None)
            del self._form

    def with_status(self, queryset, name, value):
        if value == OPEN:
            return queryset.filter(status__in=SupportRequest.OPEN)
        return queryset.filter(status=value)

    def older_than(self, queryset, name, value):
        cutoff = timezone.now() - datetime.timedelta(days=int(value))
        return queryset.filter(submit_time__lt=cutoff)
