"""The inbox's migrations over existing data: old requests join the inbox, FAQ entries stay live."""

import datetime

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

import pytest

from buyers.models import SupportRequest
from portal.models import FAQEntry
from tests.buyers.factories import SupportRequestPageFactory

BEFORE = [("buyers", "0002_page_menu_title"), ("portal", "0013_stemmed_search")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    # The models as the applied migrations leave them (every app, not only the targets').
    return MigrationExecutor(connection)._create_project_state(with_applied_migrations=True).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_old_submissions_become_requests_and_faq_entries_stay_live(homes):
    page = SupportRequestPageFactory(parent=homes["en"], locale=homes["en"].locale)
    received = timezone.now() - datetime.timedelta(days=40)
    old = migrate(BEFORE)
    old.get_model("wagtailforms", "FormSubmission").objects.create(
        page_id=page.pk, form_data={"topic": "Other", "message": "Old request"}
    )
    old.get_model("wagtailforms", "FormSubmission").objects.update(submit_time=received)
    topic = old.get_model("portal", "FAQTopic").objects.create(
        slug="t", name_pt="Tema", name_en="Topic"
    )
    old.get_model("portal", "FAQEntry").objects.create(
        slug="q",
        topic=topic,
        question_pt="Pergunta?",
        question_en="Question?",
        short_answer_pt="Sim.",
        short_answer_en="Yes.",
        last_reviewed=datetime.date(2026, 1, 1),
    )

    executor = MigrationExecutor(connection)
    migrate(executor.loader.graph.leaf_nodes())

    moved = SupportRequest.objects.get()
    assert (moved.page_id, moved.language, moved.topic) == (page.pk, "en", "Other")
    assert moved.submit_time == received and moved.status == "new"
    assert moved.form_data["message"] == "Old request"
    entry = FAQEntry.objects.get(slug="q")
    assert entry.live and not entry.has_unpublished_changes
    assert list(FAQEntry.objects.shown_in("pt")) == [entry]
