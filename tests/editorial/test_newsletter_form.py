"""The issue's form: a subject that can be a mail header (one line, bounded), and junk POSTs get
the form back with errors, in the editor's language, never a 500."""

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.users.models import UserProfile

import pytest

from buyers.models import NewsletterIssue
from tests.buyers.factories import NewsletterIssueFactory

ITEM = {"title": "Novo guia", "summary": "O que mudou.", "link": "https://example.pt/guia/"}
MESSAGES = {
    "pt": {
        "line": "O assunto tem de caber numa linha: retire as quebras de linha.",
        "control": "O assunto não pode conter caracteres de controlo.",
        "length": "Limite o assunto a 200 caracteres (tem 201).",
        "items": "Não foi possível ler os itens. Recarregue a página e acrescente-os de novo.",
    },
    "en": {
        "line": "The subject must fit on one line: remove the line breaks.",
        "control": "The subject cannot contain control characters.",
        "length": "Keep the subject to 200 characters at most (it has 201).",
        "items": "The items could not be read. Reload the page and add them again.",
    },
}


@pytest.fixture
def editor(client, homes, django_user_model):
    def sign_in(language):
        user = django_user_model.objects.create_user("ed", "ed@example.pt", "pw")
        user.groups.add(Group.objects.get(name="Editors"))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        client.force_login(user)
        return client

    return sign_in


def compose(subject="Novidades", items=(ITEM,)):
    return nested_form_data(
        {
            "language": "pt",
            "subject": subject,
            "intro": "",
            "scheduled_at": "",
            "items": streamfield([("item", item) for item in items]),
        }
    )


def url(name, *args):
    return reverse(f"newsletter_issues:{name}", args=args)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pt", "en"])
@pytest.mark.parametrize(
    "subject, message",
    [
        ("Novidades\r\nBcc: everyone@example.pt", "line"),
        ("Novidades\nde abril", "line"),
        ("Novidades\u2028de abril", "line"),
        ("Novidades\x07de abril", "control"),
        ("Novidades\x1bde abril", "control"),
        ("a" * 201, "length"),
    ],
)
def test_a_subject_that_is_no_header_is_refused(editor, language, subject, message):
    client = editor(language)
    response = client.post(url("add"), compose(subject))
    assert response.status_code == 200
    assert MESSAGES[language][message] in response.content.decode()
    assert not NewsletterIssue.objects.exists()


@pytest.mark.django_db
def test_a_subject_of_one_line_at_the_limit_is_kept(editor):
    client = editor("pt")
    response = client.post(url("add"), compose("Novidades de abril: " + "a" * 180))
    assert response.status_code == 302
    assert NewsletterIssue.objects.get().subject.endswith("a" * 180)


def malformed_items():
    """Compose data no browser sends: the StreamField's counters missing, wrong or lying."""
    good = compose()
    yield {k: v for k, v in good.items() if k != "items-count"}
    yield {**good, "items-count": "abc"}
    yield {**good, "items-count": "3"}  # only one item was sent
    yield {**good, "items-0-order": "zz"}
    yield {k: v for k, v in good.items() if k != "items-0-deleted"}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pt", "en"])
@pytest.mark.parametrize("data", list(malformed_items()))
def test_malformed_compose_data_gets_the_form_back(editor, language, data):
    client = editor(language)
    issue = NewsletterIssueFactory(subject="Rascunho")
    for address in (url("add"), url("edit", issue.pk)):
        response = client.post(address, {**data, "subject": "Nova tentativa"})
        assert response.status_code == 200, address
        # (the StreamField's error is drawn from JSON, its accents escaped: read it from the form)
        with translation.override(language):  # the errors are lazy: read in the admin's language
            errors = [str(error) for error in response.context["form"].errors["items"]]
        assert errors == [MESSAGES[language]["items"]]
        assert "Nova tentativa" in response.content.decode()
    issue.refresh_from_db()
    assert issue.subject == "Rascunho" and NewsletterIssue.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {},
        {"subject": "x"},
        {"language": "xx", "subject": "x\x00", "scheduled_at": "garbage"},
        {**compose(), "subject": "com\x00nulo", "items-0-value-link": "javascript:alert(1)"},
    ],
)
def test_junk_posts_never_500(editor, data):
    client = editor("en")
    issue = NewsletterIssueFactory()
    assert client.post(url("add"), data).status_code == 200
    assert client.post(url("edit", issue.pk), data).status_code == 200
    # The live preview answers whether the data is valid, as JSON.
    preview = client.post(url("preview_on_edit", issue.pk), data)
    assert preview.status_code == 200 and preview.json()["is_valid"] is False
