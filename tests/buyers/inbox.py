"""Shared pieces of the inbox tests: requests on both language's forms, staff in each group."""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.users.models import UserProfile

import pytest

from buyers.models import SupportRequest
from tests.buyers.factories import SupportRequestPageFactory

DATA = {
    "organisation": "Câmara Municipal de Exemplo",
    "role": "Técnica de contratação",
    "email_address": "ana@example.pt",
    "topic": "Choosing a procedure",
    "procurement_stage": "Preparing the procedure",
    "message": "Podemos usar uma consulta preliminar ao mercado antes do concurso?",
    "consent": True,
}


@pytest.fixture
def ask(translated_pair):
    return translated_pair(SupportRequestPageFactory, "ask")


@pytest.fixture
def make_request(ask):
    def make(code="pt", days_ago=0, **fields):
        data = {**DATA, **fields.pop("data", {})}
        topic = fields.pop("topic", data["topic"])
        item = SupportRequest.objects.create(
            page=ask[code], form_data=data, language=code, topic=topic, **fields
        )
        if days_ago:
            item.submit_time = timezone.now() - datetime.timedelta(days=days_ago)
            item.save(update_fields=["submit_time"])
        return item

    return make


@pytest.fixture
def member(django_user_model):
    """A user in the Editors or Moderators group, admin in the given language."""

    def create(group_name, language="pt", username=None):
        user = django_user_model.objects.create_user(
            username or group_name.lower(), password="pw", first_name=group_name
        )
        user.groups.add(Group.objects.get(name=group_name))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        return user

    return create
