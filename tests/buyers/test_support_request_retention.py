"""Support requests are kept no longer than the privacy notice says, then deleted."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission

import pytest

from tests.buyers.factories import SupportRequestPageFactory
from tests.portal.factories import ContentPageFactory


def submission(page, days_ago):
    item = FormSubmission.objects.create(page=page, form_data={"message": f"{days_ago} days"})
    item.submit_time = timezone.now() - datetime.timedelta(days=days_ago)
    item.save(update_fields=["submit_time"])
    return item


@pytest.mark.django_db
def test_requests_older_than_the_retention_period_are_deleted(homes, settings):
    settings.SUPPORT_REQUEST_RETENTION_DAYS = 365
    ask = SupportRequestPageFactory(parent=homes["pt"], locale=homes["pt"].locale)
    other_form = ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale)
    old, recent = submission(ask, 400), submission(ask, 300)
    not_a_request = submission(other_form, 400)  # another page's rows are not this command's
    out = io.StringIO()
    call_command("purge_old_support_requests", stdout=out)
    remaining = set(FormSubmission.objects.values_list("pk", flat=True))
    assert old.pk not in remaining
    assert {recent.pk, not_a_request.pk} <= remaining
    assert "Deleted 1 support request" in out.getvalue()


@pytest.mark.django_db
def test_the_period_follows_the_setting(homes, settings):
    settings.SUPPORT_REQUEST_RETENTION_DAYS = 30
    ask = SupportRequestPageFactory(parent=homes["en"], locale=homes["en"].locale)
    submission(ask, 31)
    call_command("purge_old_support_requests", stdout=io.StringIO())
    assert not FormSubmission.objects.exists()
