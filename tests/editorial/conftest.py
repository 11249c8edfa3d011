from wagtail.users.models import UserProfile

import pytest


@pytest.fixture
def admin_language(django_user_model):
    """Sets the admin language of the user called "staff" (the staff_client's user)."""

    def choose(code):
        profile = UserProfile.get_for_user(django_user_model.objects.get(username="staff"))
        profile.preferred_language = code
        profile.save()

    return choose
