from django.contrib.auth.models import Group

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


@pytest.fixture
def staff(django_user_model, portal_content):
    """An editor of the Editors group and a superuser, with the portal's content."""
    editor = django_user_model.objects.create_user("editora", "e@example.pt", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    superuser = django_user_model.objects.create_superuser("chefe", "c@example.pt", "pw")
    return {"editor": editor, "superuser": superuser}
