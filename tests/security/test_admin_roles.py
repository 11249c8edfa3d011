"""Who reaches which admin address of subscribers, outgoing mail and support requests.

Subscribers and the mail queue are personal data: only those with the view permission
(superusers by default) read them, through any address, the snippet chooser included. Support
requests are listed and exported by those who may view the inbox (Editors, Moderators), and
deleted only by those with the delete permission, from the inbox or from Wagtail's Forms menu.
"""

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page

import pytest

from buyers.models import Subscriber, SupportRequest
from core.models import OutgoingMail
from core.outgoing_mail import store_mail
from tests.buyers.factories import SubscriberFactory
from tests.buyers.inbox import ask, make_request  # noqa: F401  (fixtures)

CONFIRMED = "confirmed.buyer@example.pt"
UNCONFIRMED = "unconfirmed.buyer@example.pt"
MAIL_SUBJECT = "Secret subject for the queue"
ROLES = ["anonymous", "editor", "moderator", "admin_only", "superuser"]


@pytest.fixture
def users(django_user_model):
    def in_group(name):
        user = django_user_model.objects.create_user(name.lower(), f"{name}@example.pt", "pw")
        user.groups.add(Group.objects.get(name=name))
        return user

    admin_only = django_user_model.objects.create_user("admin-only", "a@example.pt", "pw")
    admin_only.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return {
        "anonymous": None,
        "editor": in_group("Editors"),
        "moderator": in_group("Moderators"),
        "admin_only": admin_only,
        "superuser": django_user_model.objects.create_superuser("root", "r@example.pt", "pw"),
    }


@pytest.fixture
def records(db, request):
    new_request = request.getfixturevalue("make_request")
    confirmed = SubscriberFactory(email=CONFIRMED, confirmed_at="2026-01-02T10:00:00Z")
    SubscriberFactory(email=UNCONFIRMED)
    mail = store_mail(MAIL_SUBJECT, "Body", [CONFIRMED])
    OutgoingMail.objects.filter(pk=mail.pk).update(status=OutgoingMail.Status.FAILED)
    return {"subscriber": confirmed, "mail": mail, "request": new_request("pt")}


def snippet_addresses(model, pk, inspect):
    """Every address of the snippet's listing and chooser; `q` finds the record in each."""
    q = "buyer" if model is Subscriber else "Secret"
    viewset = model.snippet_viewset
    chooser = viewset.chooser_viewset
    urls = {
        "listing": reverse(viewset.get_url_name("list")),
        "listing results": reverse(viewset.get_url_name("list_results")) + f"?q={q}",
        "export csv": reverse(viewset.get_url_name("list")) + "?export=csv",
        "export xlsx": reverse(viewset.get_url_name("list")) + "?export=xlsx",
        "history": reverse(viewset.get_url_name("history"), args=[pk]),
        "usage": reverse(viewset.get_url_name("usage"), args=[pk]),
        "chooser": reverse(chooser.get_url_name("choose")),
        "chooser results": reverse(chooser.get_url_name("choose_results")) + f"?q={q}",
        "chosen": reverse(chooser.get_url_name("chosen"), args=[pk]),
    }
    if inspect:
        urls["inspect"] = reverse(viewset.get_url_name("inspect"), args=[pk])
    if model is OutgoingMail:
        urls["send again"] = reverse("outgoing_mail:send_again", args=[pk])
    return urls


def sign_in(client, users, role):
    if users[role] is not None:
        client.force_login(users[role])


def refused(response, role):
    """Anonymous: to the sign-in page; staff without the permission: 403 (or Wagtail's redirect
    to the dashboard with its "permission denied" message)."""
    if role == "anonymous":
        return response.status_code == 302 and "/admin/login/" in response["Location"]
    if response.status_code == 302:
        return response["Location"] == reverse("wagtailadmin_home")
    return response.status_code in (403, 404)


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", [Subscriber, OutgoingMail], ids=["subscriber", "outgoingmail"])
def test_snippet_addresses_need_the_view_permission(client, users, records, role, model):
    record = records["subscriber"] if model is Subscriber else records["mail"]
    secret = CONFIRMED if model is Subscriber else MAIL_SUBJECT
    sign_in(client, users, role)
    for name, url in snippet_addresses(model, record.pk, model is OutgoingMail).items():
        response = client.get(url)
        if role == "superuser":
            assert response.status_code == 200, (name, url)
            exported = model is Subscriber and name == "export csv"  # the mail queue has none
            if name not in ("history", "usage") and (exported or not name.startswith("export")):
                assert secret in body(response), (name, url)
        else:
            assert refused(response, role), (name, url, response.status_code)
            assert secret not in body(response), (name, url)


@pytest.mark.django_db
def test_the_subscriber_chooser_of_a_superuser_finds_the_address(client, users, records):
    client.force_login(users["superuser"])
    chooser = Subscriber.snippet_viewset.chooser_viewset
    results = client.get(reverse(chooser.get_url_name("choose_results")) + "?q=confirmed.buyer")
    assert CONFIRMED in body(results)
    # A sign-up not yet confirmed is not a subscriber: no chooser lists it, whoever asks.
    assert UNCONFIRMED not in body(results)
    assert UNCONFIRMED not in body(client.get(reverse(chooser.get_url_name("choose"))))


def support_forms_addresses(page_id, request_id):
    listing = reverse("wagtailforms:list_submissions", args=[page_id])
    return {
        "forms": reverse("wagtailforms:index"),
        "submissions": listing,
        "export csv": listing + "?export=csv",
        "export xlsx": listing + "?export=xlsx",
        "inbox": reverse("support_requests:index"),
        "inbox edit": reverse("support_requests:edit", args=[request_id]),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_support_requests_are_read_by_inbox_viewers_only(client, users, records, role):
    support_request = records["request"]
    sign_in(client, users, role)
    for name, url in support_forms_addresses(support_request.page_id, support_request.pk).items():
        response = client.get(url)
        if role in ("editor", "moderator", "superuser"):
            assert response.status_code == 200, (name, url)
        else:
            assert refused(response, role), (name, url, response.status_code)
            assert "ana@example.pt" not in body(response)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_only_the_delete_permission_deletes_a_request_whichever_menu(client, users, records, role):
    support_request = records["request"]
    sign_in(client, users, role)
    forms_delete = reverse("wagtailforms:delete_submissions", args=[support_request.page_id])
    query = f"?selected-submissions={support_request.pk}"
    inbox_delete = reverse("support_requests:delete", args=[support_request.pk])
    for url in (forms_delete + query, inbox_delete):
        confirm = client.get(url)
        deleted = client.post(url)
        if role == "superuser":
            assert confirm.status_code == 200
            assert deleted.status_code == 302
            break
        assert refused(confirm, role), (url, confirm.status_code)
        assert refused(deleted, role), (url, deleted.status_code)
    still_there = SupportRequest.objects.filter(pk=support_request.pk).exists()
    assert still_there is (role != "superuser")


@pytest.mark.django_db
def test_a_view_permission_opens_the_subscribers_to_a_group(client, users, records):
    """The permission is the switch: granted to Moderators, they read the list and the chooser."""
    moderators = Group.objects.get(name="Moderators")
    moderators.permissions.add(Permission.objects.get(codename="view_subscriber"))
    client.force_login(users["moderator"])
    for url in snippet_addresses(Subscriber, records["subscriber"].pk, inspect=False).values():
        if "history" in url or "usage" in url:
            continue  # Wagtail shows those to those who may change the record
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_an_editor_never_sees_a_subscriber_address(client, users, records):
    """Every admin page an editor may open, and every address of these models, with a
    superuser's deletion of a subscriber in the site history."""
    root = client
    root.force_login(users["superuser"])
    gone = SubscriberFactory(email="deleted.buyer@example.pt", confirmed_at="2026-01-02T10:00:00Z")
    viewset = Subscriber.snippet_viewset
    assert root.post(reverse(viewset.get_url_name("delete"), args=[gone.pk])).status_code == 302
    root.logout()

    client.force_login(users["editor"])
    support_request = records["request"]
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:site_history") + "?export=csv",
        reverse("newsletter_issues:list"),
        reverse("newsletter_issues:add"),
        "/admin/snippets/",
        *snippet_addresses(Subscriber, records["subscriber"].pk, inspect=False).values(),
        *snippet_addresses(OutgoingMail, records["mail"].pk, inspect=True).values(),
        *support_forms_addresses(support_request.page_id, support_request.pk).values(),
    ]
    for url in urls:
        text = body(client.get(url))
        for address in (CONFIRMED, UNCONFIRMED, "deleted.buyer@example.pt", MAIL_SUBJECT):
            assert address not in text, (url, address)


@pytest.mark.django_db
def test_a_page_editor_without_the_inbox_reaches_no_request(client, records, django_user_model):
    """Stock Wagtail gives the Forms menu's requests to anyone who may edit the form page."""
    group = Group.objects.create(name="Page editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="change_page"),
    )
    user = django_user_model.objects.create_user("pages-only", "p@example.pt", "pw")
    user.groups.add(group)
    client.force_login(user)
    support_request = records["request"]
    forms = body(client.get(reverse("wagtailforms:index")))
    assert support_request.page.title not in forms
    listing = reverse("wagtailforms:list_submissions", args=[support_request.page_id])
    for url in (listing, listing + "?export=csv", listing + "?export=xlsx"):
        response = client.get(url)
        assert refused(response, "page_editor"), (url, response.status_code)
        assert "ana@example.pt" not in body(response)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["editor", "moderator", "superuser"])
def test_the_forms_menu_offers_deleting_only_to_those_who_may(client, users, records, role):
    support_request = records["request"]
    sign_in(client, users, role)
    listing = reverse("wagtailforms:list_submissions", args=[support_request.page_id])
    for url in (listing, listing + "results/"):
        response = client.get(url)
        page = body(response)
        assert response.status_code == 200 and "ana@example.pt" in page, url
        offered = 'name="selected-submissions"' in page
        assert offered is (role == "superuser"), (url, role)
        assert ("delete_submissions" in page or "/delete/" in page) is (role == "superuser")
