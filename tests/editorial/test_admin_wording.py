"""The admin's own wording (issue 26): sentence-case labels, European Portuguese dates and
plurals, empty states that say where records come from, statuses that agree in gender, and an
English admin without Portuguese; as an editor and as a superuser, with the profile's language."""

import datetime
import io
import json
import re
import zipfile
from pathlib import Path

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import ngettext

import wagtail
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple
from wagtail.users.models import UserProfile

import pytest

from buyers.models import NewsletterIssue
from core.models import OutgoingMail
from tests.buyers import inbox
from tests.portal.factories import FAQEntryFactory
from tools.admin_wording import TARGET, po_entries, render

pytestmark = pytest.mark.django_db
ask, make_request, member = inbox.ask, inbox.make_request, inbox.member  # fixtures


@pytest.fixture
def signed_in(client, member, django_user_model):
    """A client signed in as an editor (group Editors) or a superuser, admin in `language`."""

    def sign_in(role, language):
        if role == "editor":
            user = member("Editors", language=language)
        else:
            user = django_user_model.objects.create_superuser("root", "r@example.pt", "pw")
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = language
            profile.save()
        client.force_login(user)
        return client

    return sign_in


def visible(response):
    """The page's text without tags, scripts and the keyboard-shortcuts dialog's markup."""
    html = response.content.decode()
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def menu_labels(response):
    html = response.content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S).group(1)
    return re.findall(r'"label": "((?:[^"\\]|\\.)*)"', json.dumps(json.loads(props)))


ROLES = ["editor", "superuser"]
LABELS = {
    "pt": ["Termos do glossário", "Webinars", "Perguntas e respostas", "Tipos de procedimento"],
    "en": ["Glossary terms", "Webinars", "Questions and answers", "Procedure types"],
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("code", ["pt", "en"])
def test_menu_labels_are_set_in_sentence_case(signed_in, role, code):
    labels = [
        json.loads(f'"{label}"') for label in menu_labels(signed_in(role, code).get("/admin/"))
    ]
    assert set(LABELS[code]) <= set(labels), ", ".join(labels)
    assert [label for label in labels if not label[0].isupper()] == []
    if role == "superuser":
        assert ("Mensagens de saída" if code == "pt" else "Outgoing messages") in labels


@pytest.mark.parametrize(
    "code, named, title_case",
    [
        ("pt", "Página inicial", "Página Inicial"),
        ("en", "Home page", "Home Page"),
    ],
)
def test_page_types_keep_sentence_case_in_their_report(signed_in, homes, code, named, title_case):
    text = visible(
        signed_in("superuser", code).get(reverse("wagtailadmin_reports:page_types_usage"))
    )
    assert f"{named} portal.homepage" in text and f"{title_case} portal" not in text


def test_dates_and_relative_times_in_european_portuguese():
    moment = timezone.now() - datetime.timedelta(minutes=2)
    with translation.override("pt"):
        assert date_format(datetime.date(2026, 11, 25), "DATE_FORMAT") == "25 de novembro de 2026"
        assert timesince_simple(moment) == "há 2\xa0minutos"
        assert timesince_simple(timezone.now()) == "agora mesmo"
        assert (
            ngettext("Used %(usage_count)s time", "Used %(usage_count)s times", 0)
            % {"usage_count": 0}
            == "Utilizado 0 vezes"
        )
    with translation.override("en"):
        assert date_format(datetime.date(2026, 11, 25), "DATE_FORMAT") == "Nov. 25, 2026"
        assert timesince_simple(moment) == "2\xa0minutes ago"


def test_every_wagtail_plural_says_zero_in_the_plural():
    catalogues = Path(wagtail.__file__).parent.glob("**/locale/pt_PT/LC_MESSAGES/django.po")
    plurals = [e for path in catalogues for e in po_entries(path) if "msgid_plural" in e]
    wrong = []
    with translation.override("pt"):
        for entry in plurals:
            one, many = entry["msgid"], entry["msgid_plural"]
            if entry.get("msgstr[0]") and ngettext(one, many, 0) != ngettext(one, many, 5):
                wrong.append(one)
    assert len(plurals) > 40 and wrong == []


def test_the_wording_catalogue_is_current_and_keeps_numbers_apart():
    assert TARGET.read_text("utf-8") == render()  # rerun tools/admin_wording.py after a change
    with translation.override("pt"):
        deleted = ngettext(
            "%(num_parent_objects)d document has been deleted",
            "%(num_parent_objects)d documents have been deleted",
            3,
        )
    assert deleted % {"num_parent_objects": 3} == "3 documentos foram apagados"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "code, says, elsewhere",
    [
        ("pt", "Chegam aqui quando um visitante envia o formulário", "Pedidos de apoio"),
        (
            "en",
            "They arrive here when a visitor sends the “Ask Procure+i” form",
            "Support requests",
        ),
    ],
)
def test_empty_inbox_says_requests_come_from_the_public_form(
    signed_in, role, code, says, elsewhere
):
    response = signed_in(role, code).get(reverse("support_requests:index"))
    text, html = visible(response), response.content.decode()
    assert response.status_code == 200 and says in text and elsewhere in text
    assert "Why not" not in text and "add one" not in text
    assert 'href="/admin/support-requests/new/' not in html


@pytest.mark.parametrize(
    "code, says",
    [
        ("pt", ["Ainda não há subscritores confirmados", "Ainda não há correio"]),
        ("en", ["No confirmed subscribers yet", "No mail yet"]),
    ],
)
def test_lists_the_portal_fills_offer_no_add_link(signed_in, code, says):
    client = signed_in("superuser", code)
    for url, message in zip(
        ["/admin/snippets/buyers/subscriber/", reverse("outgoing_mail:list")], says, strict=True
    ):
        response = client.get(url)
        assert message in visible(response), url
        assert "/add/" not in response.content.decode(), url


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "code, link", [("pt", "Escrever a primeira edição"), ("en", "Write the first issue")]
)
def test_newsletter_issues_are_written_by_hand_so_the_empty_list_links_to_add(
    signed_in, role, code, link
):
    response = signed_in(role, code).get(reverse("newsletter_issues:list"))
    html = response.content.decode()
    assert re.search(rf'<a href="/admin/newsletter-issues/add/[^"]*">{link}</a>', html)


@pytest.mark.parametrize(
    "code, issue_statuses, mail_statuses",
    [
        ("pt", ["Rascunho", "Agendada", "Em envio", "Enviada"], ["Em fila", "Enviada", "Falhada"]),
        ("en", ["Draft", "Scheduled", "Sending", "Sent"], ["Queued", "Sent", "Failed"]),
    ],
)
def test_statuses_agree_with_what_they_describe(signed_in, code, issue_statuses, mail_statuses):
    client = signed_in("superuser", code)
    issues = visible(client.get(reverse("newsletter_issues:list")))
    mail = visible(client.get(reverse("outgoing_mail:list")))
    assert all(f" {status} " in issues for status in issue_statuses)
    assert all(f" {status} " in mail for status in mail_statuses)
    if code == "pt":
        assert " Enviado " not in issues + mail and " Falhou " not in mail


@pytest.mark.parametrize("code", ["pt", "en"])
def test_help_text_names_the_menu_as_it_is(code):
    with translation.override(code):
        menu = str(translation.gettext("Outgoing messages"))
        settings_menu = str(translation.gettext("Settings"))
        help_text = translation.gettext(
            "Failed messages are listed under Settings > Outgoing messages, where they can be"
            " sent again."
        )
    assert f"{settings_menu} > {menu}" in help_text


ENGLISH_PAGES = [
    "/admin/",
    "support_requests:index",
    "newsletter_issues:list",
    "outgoing_mail:list",
]
PORTUGUESE = re.compile(
    r"\b(Ainda não|Pedidos de apoio|Mensagens de saída|Edições|Termos do|há \d)"
)


@pytest.mark.parametrize("role", ROLES)
def test_english_admin_has_no_portuguese_from_the_project(signed_in, role, make_request):
    make_request("en")
    client = signed_in(role, "en")
    for name in ENGLISH_PAGES:
        if role == "editor" and name == "outgoing_mail:list":
            continue  # superusers only
        response = client.get(
            name if name.startswith("/") else reverse(name), headers={"accept-language": "pt"}
        )
        assert response.status_code == 200, name
        assert PORTUGUESE.findall(visible(response)) == [], name


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_english_editors_export_of_the_english_form_is_english(
    signed_in, ask, make_request, export
):
    make_request("en")
    client = signed_in("superuser", "en")
    response = client.get(
        f"/admin/forms/submissions/{ask['en'].pk}/?export={export}",
        headers={"accept-language": "pt"},
    )
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if export == "xlsx":
        body = zipfile.ZipFile(io.BytesIO(body)).read("xl/worksheets/sheet1.xml")
    text = body.decode("utf-8")
    assert "Consent to data processing" in text and "Consentimento" not in text
    assert "Organisation" in text and inbox.DATA["organisation"] in text


@pytest.mark.parametrize(
    "code, shown, hidden",
    [
        ("en", ["Home", "Choose an FAQ topic", "Status"], ["Início", "Escolher", "Estado"]),
        (
            "pt",
            ["Início", "Escolher um tema das perguntas frequentes", "Estado"],
            ["Home", "Choose"],
        ),
    ],
)
def test_texts_wagtail_fixes_at_start_up_follow_the_editor(signed_in, code, shown, hidden):
    """Breadcrumbs of snippets, a snippet chooser's buttons and the live-status column."""
    entry = FAQEntryFactory()
    client = signed_in("superuser", code)
    edit = visible(client.get(reverse("wagtailsnippets_portal_faqentry:edit", args=[entry.pk])))
    listing = visible(client.get(reverse("wagtailsnippets_portal_faqentry:list")))
    assert all(f" {text} " in edit + listing for text in shown)
    assert [text for text in hidden if f" {text} " in edit + listing] == []


@pytest.mark.parametrize(
    "code, mail_menu, issues_menu, searches",
    [
        ("pt", "Mensagens de saída", "Edições da newsletter", "Pesquisas: últimos 30 dias"),
        ("en", "Outgoing messages", "Newsletter issues", "Searches: last 30 days"),
    ],
)
def test_headings_and_breadcrumbs_in_sentence_case(
    signed_in, code, mail_menu, issues_menu, searches
):
    mail = OutgoingMail.objects.create(subject="Resposta", recipients=["ana@example.pt"], body="x")
    issue = NewsletterIssue.objects.create(language="pt", subject="Newsletter de dezembro")
    client = signed_in("superuser", code)
    inspect = visible(client.get(reverse("outgoing_mail:inspect", args=[mail.pk])))
    send = visible(client.get(reverse("newsletter_issues:send", args=[issue.pk])))
    report = visible(client.get(reverse("search_report")))
    assert f" {mail_menu} " in inspect and " ana@example.pt " in inspect
    assert "None" not in inspect and "['" not in inspect  # Python's values, not the mail's
    assert f" {issues_menu} " in send and f" {issues_menu.lower()} " not in send
    assert searches in report
