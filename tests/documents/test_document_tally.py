"""The library's tally (documents/models/tally.py): every save and delete of a document moves
its count, `recount()` repairs what bypassed them, and the library's count reads only the tally."""

import importlib
import io
from datetime import date

from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext

from wagtail.models import Collection, CollectionViewRestriction

import pytest

from documents.models import DocumentTally, LibraryDocument
from documents.models import listing as library
from documents.models.tally import counted, held, recount
from tests.documents.factories import LibraryDocumentFactory

NO_FILTER = {"category": None, "language": None, "year": None, "sort": "newest"}


def assert_tally_is_the_documents():
    assert held(DocumentTally) == counted(LibraryDocument.objects.all())


@pytest.fixture
def other_collection(db):
    return Collection.get_first_root_node().add_child(name="Projetos")


@pytest.mark.django_db
def test_every_edit_of_a_key_moves_its_count(other_collection):
    first = LibraryDocumentFactory(published_year=2020, category="faq")
    second = LibraryDocumentFactory(published_year=None, file_language="en")
    assert_tally_is_the_documents()
    edits = [
        {"published_year": 2021},
        {"published_on": date(2024, 3, 1)},  # the year follows the date
        {"category": "article"},
        {"file_language": "both"},
        {"collection": other_collection},
        {"format_of": second},  # now offered with `second`, not listed alone
        {"format_of": None},
        {"title_pt": "Outro título"},  # no key changed: nothing moves
    ]
    for edit in edits:
        for field, value in edit.items():
            setattr(first, field, value)
        first.save()
        assert_tally_is_the_documents()
    assert LibraryDocument.objects.get(pk=first.pk).published_year == 2024


@pytest.mark.django_db
def test_deletes_one_by_one_and_in_bulk_move_the_count():
    documents = [LibraryDocumentFactory(published_year=2000 + n % 3) for n in range(6)]
    documents[0].delete()
    assert_tally_is_the_documents()
    LibraryDocument.objects.filter(published_year=2001).delete()
    assert_tally_is_the_documents()
    assert library.listing_facts(NO_FILTER) == (3, [2002, 2000])


@pytest.mark.django_db
def test_a_deleted_document_leaves_its_second_formats_listed_on_their_own():
    first = LibraryDocumentFactory(published_year=2021)
    second = LibraryDocumentFactory(published_year=2020, category="template", format_of=first)
    assert library.listing_facts(NO_FILTER) == (1, [2021, 2020])
    first.delete()  # format_of is SET_NULL: an update that sends no signal
    second.refresh_from_db()
    assert second.format_of_id is None
    assert_tally_is_the_documents()
    assert library.listing_facts(NO_FILTER) == (1, [2020])


@pytest.mark.django_db
def test_a_document_and_its_second_format_deleted_together_leave_no_count():
    first = LibraryDocumentFactory()
    LibraryDocumentFactory(format_of=first, file_language="en")
    kept = LibraryDocumentFactory(category="faq")
    LibraryDocument.objects.exclude(pk=kept.pk).delete()
    assert_tally_is_the_documents()
    assert library.listing_facts(NO_FILTER)[0] == 1


@pytest.mark.django_db
def test_a_save_of_some_fields_moves_only_their_part_of_the_key():
    document = LibraryDocumentFactory(category="faq", published_year=2019)
    stale = LibraryDocument.objects.get(pk=document.pk)  # a task loads it...
    document.category, document.published_year = "article", 2024
    document.save()  # ...the editor saves a new category and year...
    stale.text_content = "Texto extraído."
    stale.save(update_fields=["text_content"])  # ...and the task saves only the text
    assert_tally_is_the_documents()
    stale.file_language = "en"
    stale.save(update_fields=["file_language"])
    assert_tally_is_the_documents()


@pytest.mark.django_db
def test_a_key_held_in_two_rows_moves_by_one_step():
    first = LibraryDocumentFactory(category="faq")
    key = DocumentTally.objects.get()
    DocumentTally.objects.create(  # two first saves of a new key that raced: two rows
        published_year=key.published_year,
        collection_id=key.collection_id,
        category=key.category,
        file_language=key.file_language,
        second_format=False,
        documents=0,
    )
    LibraryDocumentFactory(category="faq")
    assert_tally_is_the_documents()
    first.category = "article"
    first.save()
    assert_tally_is_the_documents()


@pytest.mark.django_db
def test_wagtails_add_to_collection_counts_the_library_again(staff_client, other_collection):
    from django.urls import reverse

    from core.models import ContentVersion

    moved = LibraryDocumentFactory.create_batch(2)
    CollectionViewRestriction.objects.create(
        collection=other_collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    version = ContentVersion.current()
    url = reverse("wagtail_bulk_action", args=("documents", "librarydocument", "add_to_collection"))
    response = staff_client.post(
        f"{url}?{'&'.join(f'id={d.pk}' for d in moved)}", {"collection": other_collection.pk}
    )
    assert response.status_code == 302
    assert set(LibraryDocument.objects.values_list("collection", flat=True)) == {
        other_collection.pk
    }
    assert_tally_is_the_documents()
    assert library.listing_facts(NO_FILTER)[0] == 0  # now behind a sign-in
    assert ContentVersion.current() > version


@pytest.mark.django_db
def test_a_fixtures_raw_save_of_an_existing_document_moves_its_count():
    document = LibraryDocumentFactory(category="faq")
    loaded = LibraryDocument.objects.get(pk=document.pk)
    loaded.category = "article"
    loaded.save_base(raw=True)  # what loaddata does: no save(), the signals with raw=True
    assert_tally_is_the_documents()


@pytest.mark.django_db
def test_a_view_restriction_hides_the_count_at_once(other_collection):
    LibraryDocumentFactory(published_year=2019)
    LibraryDocumentFactory(published_year=2020, collection=other_collection)
    assert library.listing_facts(NO_FILTER) == (2, [2020, 2019])
    CollectionViewRestriction.objects.create(
        collection=other_collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert library.listing_facts(NO_FILTER) == (1, [2019])  # read with the rows: no recount


@pytest.mark.django_db
def test_recount_repairs_what_bypassed_the_signals_and_reports_it():
    first = LibraryDocumentFactory(published_year=2022, category="faq")
    same = {"file": first.file.name, "collection_id": first.collection_id, "category": "faq"}
    LibraryDocument.objects.bulk_create(  # a bulk load: no signal
        LibraryDocument(title=f"R{n}", published_year=2022, **same) for n in range(3)
    )
    key = (2022, first.collection_id, "faq", "pt", False)
    assert recount() == {key: (1, 4)}
    assert_tally_is_the_documents()
    assert recount() == {}
    assert library.listing_facts(NO_FILTER)[0] == 4


@pytest.mark.django_db
def test_the_command_lists_the_drift_and_fails_when_strict():
    first = LibraryDocumentFactory()
    LibraryDocument.objects.filter(pk=first.pk).update(category="article")  # no signal either
    with pytest.raises(CommandError, match="drifted"):
        call_command("recount_library", "--strict", stdout=io.StringIO())
    out = io.StringIO()
    call_command("recount_library", "--strict", stdout=out)
    assert "0 key(s) differed" in out.getvalue()


@pytest.mark.django_db
def test_the_migration_counts_the_documents_already_stored():
    first = LibraryDocumentFactory(published_year=2018)
    LibraryDocumentFactory(published_year=2018, format_of=first)  # counted as a second format
    LibraryDocumentFactory(published_year=None, category="article")
    DocumentTally.objects.all().delete()
    migration = importlib.import_module("documents.migrations.0012_document_tally")
    # The models as the migration sees them, not the live ones.
    state = MigrationExecutor(connection).loader.project_state(("documents", "0012_document_tally"))
    migration.count_the_documents(state.apps, None)
    assert_tally_is_the_documents()


@pytest.mark.django_db
def test_the_librarys_count_reads_the_tally_not_the_documents():
    LibraryDocumentFactory.create_batch(3)
    filters = {**NO_FILTER, "category": "workshop_report", "language": "pt"}
    with CaptureQueriesContext(connection) as queries:
        count, years = library.listing_facts(filters)
    assert (count, years) == (3, [2023])
    sql = queries[0]["sql"]
    assert DocumentTally._meta.db_table in sql
    assert LibraryDocument._meta.db_table not in sql
