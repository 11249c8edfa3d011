"""Editors submit, Moderators publish; scheduled publishing and revisions work."""

import datetime
from unittest import mock

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, Revision, Workflow
from wagtail.test.utils.form_data import querydict_from_html

import pytest

from tests.portal.factories import ContentPageFactory

ONE_MINUTE = datetime.timedelta(minutes=1)


@pytest.fixture
def member(django_user_model):
    def create(group_name):
        user = django_user_model.objects.create_user(group_name.lower(), password="pw")
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return create


@pytest.fixture
def draft(homes):
    page = ContentPageFactory(
        parent=homes["pt"],
        locale=homes["pt"].locale,
        title="Guia",
        slug="guia",
        live=False,
        body=[],
    )
    page.save_revision()
    return page


def form_data(html):
    """The edit form's fields; StreamFields are drawn by JavaScript: their empty count is added."""
    data = querydict_from_html(html, form_id="page-edit-form")
    data["body-count"] = "0"
    return data


def edit_form(client, page):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    return html, form_data(html)


@pytest.mark.django_db
def test_groups_and_workflow_come_from_the_migration():
    editors, moderators = Group.objects.get(name="Editors"), Group.objects.get(name="Moderators")
    assert editors.permissions.filter(codename="access_admin").exists()
    assert editors.permissions.filter(codename="change_organisation").exists()
    assert not editors.permissions.filter(codename="delete_organisation").exists()
    assert moderators.permissions.filter(codename="delete_organisation").exists()
    assert moderators.permissions.filter(codename="change_portalsettings").exists()
    page_rights = lambda group: set(  # noqa: E731
        group.page_permissions.filter(page__depth=1).values_list("permission__codename", flat=True)
    )
    assert page_rights(editors) == {"add_page", "change_page"}
    assert {"publish_page", "lock_page", "unlock_page"} <= page_rights(moderators)
    assert Page.get_first_root_node().get_workflow() == Workflow.objects.get(name="Moderation")


@pytest.mark.django_db
def test_editor_submits_and_a_moderator_publishes(client, member, draft):
    editor, moderator = member("Editors"), member("Moderators")
    client.force_login(editor)
    html, data = edit_form(client, draft)
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html  # editors cannot publish
    data["title"] = "Guia revisto"
    data["action-submit"] = "1"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert not draft.live
    state = draft.current_workflow_state
    assert state.status == "in_progress"

    # An editor's attempt to approve is refused.
    action = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[draft.pk, "approve", state.current_task_state.pk],
    )
    client.post(action, {"comment": ""})
    draft.refresh_from_db()
    assert not draft.live
    assert draft.current_workflow_state.status == "in_progress"

    client.force_login(moderator)
    assert client.post(action, {"comment": "Pode seguir."}).status_code in (200, 302)
    draft.refresh_from_db()
    assert draft.live
    assert draft.title == "Guia revisto"


@pytest.mark.django_db
def test_scheduled_page_goes_live_with_publish_scheduled(draft):
    go_live = timezone.now() + datetime.timedelta(days=1)
    draft.go_live_at = go_live
    draft.save_revision().publish()
    draft.refresh_from_db()
    assert not draft.live
    assert Revision.page_revisions.filter(object_id=str(draft.pk), approved_go_live_at=go_live)

    call_command("publish_scheduled", verbosity=0)
    draft.refresh_from_db()
    assert not draft.live  # not yet time

    with mock.patch("django.utils.timezone.now", return_value=go_live + ONE_MINUTE):
        call_command("publish_scheduled", verbosity=0)
    draft.refresh_from_db()
    assert draft.live


@pytest.mark.django_db
def test_an_older_revision_can_be_restored(staff_client, draft):
    first = draft.get_latest_revision()
    draft.title = "Segunda versão"
    draft.save_revision().publish()
    revert = reverse("wagtailadmin_pages:revisions_revert", args=[draft.pk, first.pk])
    html = staff_client.get(revert).content.decode()
    assert 'value="Guia"' in html  # the form holds the older content
    data = form_data(html)
    data["action-publish"] = "1"
    response = staff_client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Guia"
    assert draft.live


@pytest.mark.django_db
def test_both_groups_work_the_inbox_and_only_moderators_publish_faq_entries():
    editors, moderators = Group.objects.get(name="Editors"), Group.objects.get(name="Moderators")
    codes = lambda group: set(group.permissions.values_list("codename", flat=True))  # noqa: E731
    inbox = {"view_supportrequest", "change_supportrequest"}
    assert inbox <= codes(editors) and inbox <= codes(moderators)
    assert "delete_supportrequest" not in codes(editors) | codes(moderators)
    faq = {"publish_faqentry", "lock_faqentry", "unlock_faqentry"}
    assert faq <= codes(moderators) and not faq & codes(editors)
    assert {"add_faqentry", "change_faqentry"} <= codes(editors)
