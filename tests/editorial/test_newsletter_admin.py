"""Newsletter issues in the admin: proposed items, compose, preview (both parts), test, send by
moderators only, the sending log; in Portuguese."""

import json
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.users.models import UserProfile

import pytest

from buyers.models import NewsletterIssue, NewsletterPage, Subscriber
from casestudies.models import CaseStudyPage
from editorial.newsletter_proposals import proposed_items
from tests.buyers.factories import NewsletterIssueFactory, SubscriberFactory
from tests.portal.factories import FAQEntryFactory


@pytest.fixture
def member(django_user_model):
    def create(group_name, language="en"):
        name = group_name.lower()
        user = django_user_model.objects.create_user(name, f"{name}@example.pt", "pw")
        user.groups.add(Group.objects.get(name=group_name))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        return user

    return create


def url(name, *args):
    return reverse(f"newsletter_issues:{name}", args=args)


@pytest.mark.django_db
def test_proposals_are_what_is_new_since_the_last_issue(portal_content):
    items = proposed_items("pt")
    kinds = {entry["kind"] for entry in items}
    assert {"Documento", "Caso de estudo", "Evento"} <= kinds, kinds
    assert all(entry["link"].startswith("http://") and "/pt/" in entry["link"] for entry in items)
    english = proposed_items("en")
    assert english and all("/en/" in entry["link"] for entry in english)

    NewsletterIssueFactory(
        language="pt", status=NewsletterIssue.Status.SENT, sent_at=timezone.now()
    )
    assert proposed_items("pt") == []  # nothing new since
    assert proposed_items("en") == english  # the other language's last issue counts
    case = CaseStudyPage.objects.filter(locale__language_code="pt").first()
    CaseStudyPage.objects.filter(pk=case.pk).update(
        first_published_at=timezone.now() + timedelta(seconds=1)
    )
    (proposed,) = proposed_items("pt")
    assert proposed["title"] == case.title and proposed["link"].endswith(case.url)


@pytest.mark.django_db
def test_moderator_composes_previews_tests_sends_and_reads_the_log(client, portal_content, member):
    moderator = member("Moderators", language="pt")
    client.force_login(moderator)
    SubscriberFactory(language="pt", confirmed_at=timezone.now(), email="ana@example.pt")
    SubscriberFactory(language="en", confirmed_at=timezone.now(), email="bob@example.pt")
    SubscriberFactory(language="pt", email="unconfirmed@example.pt")

    add = client.get(url("add") + "?language=pt").content.decode()
    proposed = proposed_items("pt")
    title = proposed[0]["title"]  # the new issue starts with the proposals, in the block's JSON
    assert title in add or json.dumps(title)[1:-1] in add
    # The StreamField's inputs are drawn by JavaScript: the form data is built as it sends it.
    item_fields = ("title", "summary", "link")
    items = [("item", {k: entry[k] for k in item_fields}) for entry in proposed]
    form = nested_form_data(
        {
            "language": "pt",
            "subject": "Novidades de abril",
            "intro": "O que há de novo.",
            "scheduled_at": "",
            "items": streamfield(items),
        }
    )
    response = client.post(url("add") + "?language=pt", form)
    issue = NewsletterIssue.objects.get()
    assert response.status_code == 302 and response.url == url("send", issue.pk)
    assert issue.language == "pt" and len(issue.items) == len(proposed)

    edit = client.get(url("edit", issue.pk)).content.decode()
    assert url("send", issue.pk) in edit and "Pré-visualizar e enviar" in edit
    page = client.get(url("send", issue.pk)).content.decode()
    assert "Registo de envio" in page and "Enviar agora para 1 subscritor" in page

    html = client.get(url("preview_mail", issue.pk, "html"))
    text = client.get(url("preview_mail", issue.pk, "text"))
    assert "Novidades de abril" in html.content.decode() and "<h1" in html.content.decode()
    assert text["Content-Type"].startswith("text/plain")
    assert proposed[0]["link"] in text.content.decode()
    # An unknown mode is a 404, which the admin turns into LocaleMiddleware's redirect.
    assert client.get(url("preview_mail", issue.pk, "pdf")).status_code in (302, 404)

    client.post(url("send", issue.pk), {"action": "test"})
    (test,) = mail.outbox
    assert test.to == ["moderators@example.pt"] and test.subject == "[Teste] Novidades de abril"

    client.post(url("send", issue.pk), {"action": "send"})
    assert [m.to for m in mail.outbox[1:]] == [["ana@example.pt"]]
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT
    log = client.get(url("send", issue.pk)).content.decode()
    assert "<td>1</td><td>0</td><td>0</td><td>0</td><td>1</td>" in log
    assert client.get(url("edit", issue.pk)).status_code == 302  # a sent issue stays as sent
    archive = NewsletterPage.objects.get(locale__language_code="pt").url + "arquivo/"
    assert "Novidades de abril" in client.get(archive).content.decode()


@pytest.mark.django_db
def test_an_editor_drafts_and_tests_but_cannot_send(client, homes, member):
    client.force_login(member("Editors"))
    SubscriberFactory(language="pt", confirmed_at=timezone.now())
    issue = NewsletterIssueFactory(scheduled_at=timezone.now() + timedelta(days=1))
    assert client.get(url("list")).status_code == 200
    page = client.get(url("send", issue.pk)).content.decode()
    assert 'value="send"' not in page and "Only moderators send the newsletter" in page
    assert client.post(url("send", issue.pk), {"action": "send"}).status_code == 403
    assert client.post(url("send", issue.pk), {"action": "schedule"}).status_code == 403
    client.post(url("send", issue.pk), {"action": "test"})
    assert [m.to for m in mail.outbox] == [["editors@example.pt"]]
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.DRAFT and not issue.deliveries.exists()


@pytest.mark.django_db
def test_a_moderator_schedules_and_junk_is_refused(client, homes, member):
    client.force_login(member("Moderators"))
    issue = NewsletterIssueFactory()
    client.post(url("send", issue.pk), {"action": "schedule"})  # no time set yet
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.DRAFT
    issue.scheduled_at = timezone.now() + timedelta(hours=2)
    issue.save()
    client.post(url("send", issue.pk), {"action": "schedule"})
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SCHEDULED
    assert client.post(url("send", issue.pk), {"action": "explode"}).status_code == 302
    assert client.get(url("send", 999999)).status_code in (302, 404)
    assert not Subscriber.objects.exists() and not mail.outbox


@pytest.mark.django_db
def test_the_live_preview_shows_both_parts(homes):
    issue = NewsletterIssueFactory(language="en", subject="March news")
    request = RequestFactory().get("/")
    assert [mode for mode, _label in issue.preview_modes] == ["html", "text"]
    assert b"<h1" in issue.serve_preview(request, "html").content
    text = issue.serve_preview(request, "text")
    assert text["Content-Type"].startswith("text/plain") and b"March news" in text.content


@pytest.mark.django_db
def test_faq_proposals_are_live_entries_never_drafts(portal_content):
    NewsletterIssueFactory(
        language="pt", status=NewsletterIssue.Status.SENT, sent_at=timezone.now()
    )
    today = timezone.localdate() + timedelta(days=1)
    live = FAQEntryFactory(question_pt="Pergunta publicada?", last_reviewed=today)
    FAQEntryFactory(question_pt="Rascunho em moderação?", last_reviewed=today, live=False)
    proposed = proposed_items("pt")
    assert [entry["title"] for entry in proposed] == [live.question_pt]
    assert proposed[0]["link"].endswith(f"#{live.slug}")
