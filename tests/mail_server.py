"""A real SMTP server on loopback (aiosmtpd), and settings that send mail to it through the
database task queue: the server can be down (nothing listens) and then started."""

import socket
from email import message_from_bytes
from email.header import decode_header, make_header
from unittest import mock

from django.core.management import call_command

from aiosmtpd.controller import Controller

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def free_port():
    """A loopback port the system picks, not a fixed one: CI runs SQLite and PostgreSQL side by
    side, and a fixed port left free while one run's server is down could go to the other."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """Collects what the server receives, as (recipients, subject, body)."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        message = message_from_bytes(envelope.original_content)
        subject = str(make_header(decode_header(message["Subject"])))
        body = message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")
        self.messages.append((envelope.rcpt_tos, subject, body.rstrip("\r\n")))
        return "250 Message accepted"


class LoopbackSMTP:
    def __init__(self, port):
        self.port = port
        self.inbox = Inbox()
        self.controller = None

    def start(self):
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None


def send_mail_to(server, settings):
    """Mail goes over SMTP to the server's loopback port, through the database task queue."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_TIMEOUT = 5
    settings.EMAIL_USE_TLS = False
    settings.TASKS = DATABASE_TASKS


def run_worker(**options):
    """Run the tasks that are due with django-tasks' database worker, then return."""
    # The worker drops connections that are not in autocommit mode, as the test's own
    # transaction is: on PostgreSQL that would end the test's connection.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command(
            "db_worker", batch=True, interval=0, reload=False, startup_delay=False, **options
        )
