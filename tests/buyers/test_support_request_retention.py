"""Support requests are kept no longer than the privacy notice says, then deleted."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission

import pytest

from buyers.models import SupportRequest
from tests.buyers.factories import SupportRequestPageFactory
from tests.portal.factories import ContentPageFactory, FAQEntryFactory


def submission(page, days_ago, model=SupportRequest):
    item = model.objects.create(page=page, form_data={"message": f"{days_ago} days"})
    item.submit_time = timezone.now() - datetime.timedelta(days=days_ago)
    item.save(update_fields=["submit_time"])
    return item


@pytest.mark.django_db
def test_requests_older_than_the_retention_period_are_deleted(homes, settings):
    settings.SUPPORT_REQUEST_RETENTION_DAYS = 365
    ask = SupportRequestPageFactory(parent=homes["pt"], locale=homes["pt"].locale)
    other_form = ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale)
    old, recent = submission(ask, 400), submission(ask, 300)
    old.notes, old.answer = "Internal note", "The answer"  # what the inbox adds goes with it
    old.save()
    # Other forms' rows are not this command's.
    not_a_request = submission(other_form, 400, model=FormSubmission)
    faq = FAQEntryFactory(source_request=old)  # the FAQ entry stays; its link to the request goes
    out = io.StringIO()
    call_command("purge_old_support_requests", stdout=out)
    assert set(SupportRequest.objects.values_list("pk", flat=True)) == {recent.pk}
    assert FormSubmission.objects.filter(pk=not_a_request.pk).exists()
    faq.refresh_from_db()
    assert faq.source_request is None
    assert "Deleted 1 support request" in out.getvalue()


@pytest.mark.django_db
def test_the_period_follows_the_setting(homes, settings):
    settings.SUPPORT_REQUEST_RETENTION_DAYS = 30
    ask = SupportRequestPageFactory(parent=homes["en"], locale=homes["en"].locale)
    submission(ask, 31)
    call_command("purge_old_support_requests", stdout=io.StringIO())
    assert not SupportRequest.objects.exists()
