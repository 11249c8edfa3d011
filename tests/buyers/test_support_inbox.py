"""The support-request inbox: triage, answer by the mail queue, filters, dashboard, permissions."""

import re

from django.core import mail
from django.urls import reverse

import pytest

from buyers.inbox.answer import send_answer
from buyers.models import SupportRequest
from core.models import OutgoingMail
from tests.buyers.inbox import DATA
from tests.querycount import assert_queries_do_not_grow

INDEX = "/admin/support-requests/"
NOTES = "Internal: the mayor's office called, budget is tight."


def edit_url(item):
    return reverse("support_requests:edit", args=[item.pk])


def answer_url(item):
    return reverse("support_requests:answer", args=[item.pk])


def listed(client, query=""):
    response = client.get(INDEX + query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "heading"), [("pt", "Pedidos de apoio"), ("en", "Support requests")]
)
def test_both_groups_see_the_inbox_in_their_language(client, member, make_request, code, heading):
    item = make_request("en")
    for group in ("Editors", "Moderators"):
        client.force_login(member(group, code))
        html = listed(client)
        assert heading in html and f"#{item.pk}" in html
        assert {"pt": "Novo", "en": "New"}[code] in html  # the status column
        assert client.get(edit_url(item)).status_code == 200


@pytest.mark.django_db
def test_a_user_without_the_permission_is_refused(client, django_user_model, make_request):
    item = make_request()
    user = django_user_model.objects.create_user("visitor", password="pw")
    client.force_login(user)
    for url in (INDEX, edit_url(item), answer_url(item), reverse("support_requests:report")):
        assert client.get(url).status_code in (302, 403)


@pytest.mark.django_db
def test_taking_a_new_request_puts_it_in_progress(client, member, make_request):
    moderator = member("Moderators")
    client.force_login(moderator)
    item = make_request()
    response = client.post(edit_url(item), {"status": "new", "owner": moderator.pk, "notes": NOTES})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.owner, item.notes) == ("in_progress", moderator, NOTES)


@pytest.mark.django_db
def test_owner_must_be_staff_who_handle_requests(client, member, make_request, django_user_model):
    client.force_login(member("Editors"))
    outsider = django_user_model.objects.create_user("outsider", password="pw")
    item = make_request()
    response = client.post(edit_url(item), {"status": "closed", "owner": outsider.pk, "notes": ""})
    assert response.status_code == 200  # the form again, with the error
    item.refresh_from_db()
    assert item.owner is None and item.status == "new"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "greeting", "subject"),
    [
        ("pt", "Esta é a resposta da equipa do Procure+i", "resposta ao seu pedido"),
        ("en", "This is the Procure+i team's answer", "answer to your request"),
    ],
)
def test_answer_is_mailed_in_the_request_language_without_notes(
    client, member, make_request, code, greeting, subject
):
    # The editor works in the other language: the mail follows the request, not the editor.
    editor = member("Editors", "en" if code == "pt" else "pt")
    client.force_login(editor)
    item = make_request(code, notes=NOTES)
    form = client.get(answer_url(item)).content.decode()
    assert "ana@example.pt" in form and NOTES not in form
    response = client.post(answer_url(item), {"answer": "Sim: a consulta é o primeiro passo."})
    assert response.status_code == 302
    (sent,) = mail.outbox
    assert sent.to == ["ana@example.pt"]
    assert greeting in sent.body and subject in sent.subject
    date = {"pt": r"\d+ de [a-zç]+ de \d{4}$", "en": r"\d+ [A-Z][a-z]+ \d{4}$"}[code]
    assert re.search(date, sent.subject), sent.subject  # months in lower case in Portuguese
    assert "Sim: a consulta é o primeiro passo." in sent.body
    assert DATA["message"] in sent.body  # the requester's own question, quoted
    assert NOTES not in sent.body and "Internal" not in sent.body
    assert "editors" not in sent.body.lower()  # nothing about who handled it
    item.refresh_from_db()
    assert item.status == "answered" and item.answer == "Sim: a consulta é o primeiro passo."
    assert item.first_answered_at is not None
    assert item.owner == editor  # nobody owned it: whoever answers takes it
    assert OutgoingMail.objects.get().language == code


@pytest.mark.django_db
def test_first_answer_date_is_set_once(make_request, member):
    owner, other = member("Moderators"), member("Editors")
    item = make_request("en", owner=owner)
    first = send_answer(item, "First answer.", other).first_answered_at
    item.status = SupportRequest.Status.IN_PROGRESS
    item.save()
    again = send_answer(item, "A better answer.")
    assert again.first_answered_at == first
    assert again.answer == "A better answer." and again.status == "answered"
    assert again.owner == owner  # answering never takes a request from its owner
    assert len(mail.outbox) == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("answer", "message"),
    [("", "This field is required."), ("   ", "This field is required."), ("x" * 10001, "10000")],
)
def test_an_empty_or_huge_answer_is_refused(client, member, make_request, answer, message):
    client.force_login(member("Editors", "en"))
    item = make_request()
    response = client.post(answer_url(item), {"answer": answer})
    assert response.status_code == 200 and message in response.content.decode()
    item.refresh_from_db()
    assert item.status == "new" and mail.outbox == []


@pytest.mark.django_db
def test_a_request_without_an_address_cannot_be_answered(client, member, make_request):
    client.force_login(member("Moderators", "en"))
    item = make_request(data={"email_address": ""})
    html = client.post(answer_url(item), {"answer": "Hello"}).content.decode()
    assert "no e-mail address" in html
    assert mail.outbox == []


@pytest.mark.django_db
def test_filters_by_status_topic_owner_and_age(client, member, make_request):
    moderator = member("Moderators", "en")
    client.force_login(moderator)
    fresh = make_request(topic="Choosing a procedure")
    old = make_request(days_ago=10, topic="Intellectual property", owner=moderator)
    done = make_request(days_ago=40, status="answered")

    def ids(query):
        html = listed(client, query)
        return {item.pk for item in (fresh, old, done) if f"#{item.pk} " in html}

    assert ids("") == {fresh.pk, old.pk, done.pk}
    assert ids("?status=new") == {fresh.pk, old.pk}
    assert ids("?status=answered") == {done.pk}
    assert ids("?status=open&age=7") == {old.pk}
    assert ids("?topic=Intellectual+property") == {old.pk}
    assert ids(f"?owner={moderator.pk}") == {old.pk}
    assert ids("?owner=null") == {fresh.pk, done.pk}
    assert ids("?age=30") == {done.pk}
    assert ids("?age=2&status=new") == {old.pk}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "?status=bogus",
        "?owner=abc",
        "?owner=999999",
        "?age=-1",
        "?age=1e9",
        "?topic=%00",
        "?status=new&age=x&owner=%27%3B--",
        "?p=999",
        "?ordering=nope",
        "?status[]=new",
    ],
)
def test_junk_filter_values_are_ignored_not_a_500(client, member, make_request, query):
    client.force_login(member("Editors", "en"))
    item = make_request()
    assert f"#{item.pk} " in listed(client, query)


@pytest.mark.django_db
def test_a_junk_value_drops_only_its_own_filter(client, member, make_request):
    client.force_login(member("Editors", "en"))
    new, closed = make_request(), make_request(status="closed")
    html = listed(client, "?status=closed&owner=abc")
    assert f"#{closed.pk} " in html and f"#{new.pk} " not in html


@pytest.mark.django_db
def test_listing_queries_do_not_grow_with_requests(client, member, make_request):
    moderator = member("Moderators")
    client.force_login(moderator)
    make_request(owner=moderator)

    def grow():
        for n in range(8):
            make_request(days_ago=n, owner=moderator, topic=f"Topic {n}")

    assert_queries_do_not_grow(client, INDEX, grow, budget=30)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "texts"),
    [
        (
            "pt",
            [
                "2 pedidos novos",
                "1 pedido em curso",
                "2 pedidos em aberto à espera há mais de 7 dias",
            ],
        ),
        (
            "en",
            ["2 new requests", "1 request in progress", "2 open requests waiting more than 7 days"],
        ),
    ],
)
def test_dashboard_counts(client, member, make_request, settings, code, texts):
    settings.SUPPORT_REQUEST_WAITING_DAYS = 7
    client.force_login(member("Editors", code))
    make_request()
    make_request(days_ago=8)
    make_request(days_ago=9, status="in_progress")
    make_request(days_ago=20, status="answered")
    html = client.get("/admin/").content.decode()
    for text in texts:
        assert text in html
    assert 'href="/admin/support-requests/?status=open&amp;age=7"' in html
