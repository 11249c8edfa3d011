"""The task queue: mail retried with backoff, reported and kept after the last attempt, listed
for staff with "send again"; the text of large PDFs read by a task, off the upload."""

import logging
import re
from datetime import timedelta

from django.conf import settings as django_settings
from django.core import mail as django_mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

import pytest
from fpdf import FPDF

from core.models import OutgoingMail
from core.outgoing_mail import queue_mail, retry_delay
from search.models import SearchEntry
from tests.documents.factories import LibraryDocumentFactory
from tests.mail_server import DATABASE_TASKS, run_worker

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def pdf_with(words):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, words)
    return ContentFile(bytes(pdf.output()), name="field.pdf")


def test_each_retry_waits_twice_as_long(settings):
    settings.MAIL_RETRY_SECONDS = 60
    assert [retry_delay(n) for n in (1, 2, 3)] == [timedelta(seconds=s) for s in (60, 120, 240)]


def test_a_mail_given_up_is_logged_to_the_admins():
    handlers = django_settings.LOGGING["loggers"]["core.outgoing_mail"]["handlers"]
    assert "mail_admins" in handlers


@pytest.mark.django_db
def test_after_the_last_attempt_the_mail_is_reported_and_kept(settings, smtp, caplog):
    settings.MAIL_MAX_ATTEMPTS = 3
    settings.MAIL_RETRY_SECONDS = 0
    logger = logging.getLogger("core.outgoing_mail")
    logger.addHandler(caplog.handler)  # the logger does not propagate to the root
    try:
        mail = queue_mail("Pedido", "Texto", ["ana@example.pt"])
        run_worker()
    finally:
        logger.removeHandler(caplog.handler)
    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.FAILED and mail.attempts == 3
    assert mail.body == "Texto" and "Connection" in mail.last_error
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and "ana@example.pt" in errors[0].getMessage()


@pytest.mark.django_db
def test_tasks_run_in_the_request_keep_the_mail_and_the_command_sends_it_later(
    client, settings, smtp
):
    settings.TASKS = IMMEDIATE
    settings.MAIL_RETRY_SECONDS = 0
    with translation.override("en"):
        mail = queue_mail("Request", "Body", ["ana@example.pt"], headers={"X-Test": "1"})
    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.QUEUED and mail.attempts == 1
    assert mail.language == "en"
    smtp.start()
    call_command("send_queued_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115
    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.SENT and mail.sent_at is not None
    assert smtp.inbox.messages == [(["ana@example.pt"], "Request", "Body")]


@pytest.fixture
def failed_mail(db):
    return OutgoingMail.objects.create(
        subject="Pedido de apoio",
        recipients=["ana@example.pt"],
        body="Texto",
        language="pt",
        status=OutgoingMail.Status.FAILED,
        attempts=8,
        last_error="ConnectionRefusedError: <script>x</script>",
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "code, heading, status, language",
    [
        ("en", "Outgoing messages", "Failed", "Portuguese"),
        ("pt", "Mensagens de saída", "Falhada", "Português"),
    ],
)
def test_staff_see_the_queue_in_their_language(
    staff_client, failed_mail, code, heading, status, language
):
    response = staff_client.get(reverse("outgoing_mail:list"), headers={"accept-language": code})
    html = response.content.decode()
    assert response.status_code == 200 and heading in html and status in html
    assert "ana@example.pt" in html
    assert reverse("outgoing_mail:send_again", args=[failed_mail.pk]) in html
    inspect = staff_client.get(
        reverse("outgoing_mail:inspect", args=[failed_mail.pk]), headers={"accept-language": code}
    )
    assert "&lt;script&gt;" in inspect.content.decode()
    assert re.search(rf"<dd>\s*{language}\s*</dd>", inspect.content.decode())  # not "pt"


@pytest.mark.django_db
def test_mail_cannot_be_written_by_hand(staff_client, failed_mail):
    assert staff_client.get(reverse("outgoing_mail:add")).status_code in (302, 403)
    edit = staff_client.get(reverse("outgoing_mail:edit", args=[failed_mail.pk]))
    assert edit.status_code in (302, 403)


@pytest.mark.django_db
def test_send_again_asks_then_sends(staff_client, failed_mail):
    url = reverse("outgoing_mail:send_again", args=[failed_mail.pk])
    page = staff_client.get(url, headers={"accept-language": "pt"})
    assert page.status_code == 200 and "Enviar novamente" in page.content.decode()
    assert "&lt;script&gt;" in page.content.decode()
    response = staff_client.post(url)
    assert response.status_code == 302
    failed_mail.refresh_from_db()
    assert failed_mail.status == OutgoingMail.Status.SENT and failed_mail.attempts == 1
    assert django_mail.outbox[0].to == ["ana@example.pt"]
    again = staff_client.post(url, follow=True)  # only failed mail is sent again
    assert again.status_code == 404 and len(django_mail.outbox) == 1


@pytest.mark.django_db
def test_send_again_needs_the_permission(client, django_user_model, failed_mail):
    user = django_user_model.objects.create_user("editor", "e@example.pt", "pw")
    user.user_permissions.add(
        *__import__(
            "django.contrib.auth.models", fromlist=["Permission"]
        ).Permission.objects.filter(codename="access_admin")
    )
    client.force_login(user)
    url = reverse("outgoing_mail:send_again", args=[failed_mail.pk])
    assert client.post(url).status_code in (302, 403)
    failed_mail.refresh_from_db()
    assert failed_mail.status == OutgoingMail.Status.FAILED


@pytest.mark.django_db
def test_a_small_pdf_is_read_at_upload():
    document = LibraryDocumentFactory(file=pdf_with("The zanzibarite prototype."))
    assert "zanzibarite" in document.text_content


@pytest.mark.django_db
def test_a_large_pdf_is_read_by_a_task_after_the_upload(
    settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    settings.TEXT_EXTRACTION_INLINE_BYTES = 100
    with django_capture_on_commit_callbacks(execute=True):
        document = LibraryDocumentFactory(file=pdf_with("The zanzibarite prototype."))
    document.refresh_from_db()
    assert document.text_content == ""  # the upload did not wait for it
    run_worker()
    document.refresh_from_db()
    assert "zanzibarite" in document.text_content
    entry = SearchEntry.objects.get(kind="document", object_id=document.pk, language="en")
    assert "zanzibarite" in entry.text
