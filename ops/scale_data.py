"""A large synthetic data set in both languages, for benchmarks only (`make bench`).

Every record is marked as test data in its title. Rows are written in batches with
bulk_create and indexed for search the same way; pages go through the tree one by one.
"""

import hashlib
import itertools
import uuid
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction

from wagtail.models import Collection, Locale

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, ProcedureType, Sector
from core.models import ContentVersion
from documents.models import LibraryDocument, Webinar, tally
from search import registry
from search import vectors as search_vectors
from search.models import SearchEntry

BATCH = 2000
TOPICS = [
    ("contratação pré-comercial na saúde", "pre-commercial procurement in health"),
    ("parcerias para a inovação em energia", "innovation partnerships in energy"),
    ("diálogo concorrencial em mobilidade", "competitive dialogue in mobility"),
    ("consulta preliminar ao mercado", "preliminary market consultation"),
    ("especificações funcionais em edifícios", "functional specifications in buildings"),
    ("economia circular nas compras públicas", "circular economy in public procurement"),
]
# A word found in one document in RARE_EVERY (ten at 100,000): the rare query of `make bench`.
RARE_WORD = {"pt": "dessalinização", "en": "desalination"}
RARE_EVERY = 10_000
SAMPLE_PDF = b"%PDF-1.4\n% Procure+i benchmark sample\n%%EOF\n"
SAMPLE_HASH = hashlib.sha1(SAMPLE_PDF).hexdigest()  # noqa: S324 (Wagtail's etag, not security)


def topic(n):
    return TOPICS[n % len(TOPICS)]


def bilingual_text(n, label_pt, label_en, rare=False):
    """Title and description fields of record n in both languages, marked as test data."""
    pt, en = topic(n)
    text = {
        "title": f"{label_pt} {n}: {pt}",
        "title_pt": f"{label_pt} {n}: {pt}",
        "title_en": f"{label_en} {n}: {en}",
        "description_pt": f"Dados sintéticos para medir o desempenho: {pt}.",
        "description_en": f"Synthetic data to measure performance: {en}.",
    }
    if rare and n % RARE_EVERY == 0:
        text["description_pt"] += f" Inclui {RARE_WORD['pt']}."
        text["description_en"] += f" Includes {RARE_WORD['en']}."
    return text


def sample_file():
    name = "documents/benchmark-sample.pdf"
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile(SAMPLE_PDF))
    return name


def batches(total):
    for start in range(0, total, BATCH):
        yield range(start, min(start + BATCH, total))


def search_entries(kind, records):
    return [
        SearchEntry(
            kind=kind,
            object_id=record.pk,
            language=code,
            title=getattr(record, f"title_{code}"),
            text=getattr(record, f"description_{code}"),
        )
        for record in records
        for code in ("pt", "en")
    ]


def create_documents(total, progress):
    file_name = sample_file()
    collection = Collection.get_first_root_node()
    categories = itertools.cycle(LibraryDocument.Category.values)
    languages = itertools.cycle(["pt", "en", "both"])
    for numbers in batches(total):
        documents = []
        for n in numbers:
            documents.append(
                LibraryDocument(
                    **bilingual_text(n, "Documento de teste", "Test document", rare=True),
                    category=next(categories),
                    file_language=next(languages),
                    published_year=2000 + n % 26,
                    file=file_name,
                    file_size=len(SAMPLE_PDF),
                    file_hash=SAMPLE_HASH,
                    collection=collection,
                    import_key=f"benchmark-{n}",
                )
            )
        created = LibraryDocument.objects.bulk_create(documents)
        entries = search_entries(registry.source_for_model(LibraryDocument).kind, created)
        search_vectors.write(SearchEntry.objects.bulk_create(entries))
        progress(len(numbers))


def create_webinars(total, progress):
    first_day = date(2020, 1, 6)
    for numbers in batches(total):
        webinars = []
        for n in numbers:
            webinars.append(
                Webinar(
                    slug=f"benchmark-webinar-{n}",
                    **bilingual_text(n, "Webinar de teste", "Test webinar"),
                    starts_on=first_day + timedelta(days=7 * n),
                )
            )
        created = Webinar.objects.bulk_create(webinars)
        entries = SearchEntry.objects.bulk_create(
            search_entries(registry.source_for_model(Webinar).kind, created)
        )
        search_vectors.write(entries)
        progress(len(numbers))


def create_case_studies(total, progress):
    """Each case in Portuguese and its English translation, under the two case-study indexes."""
    indexes = {
        code: CaseStudyIndexPage.objects.get(locale=Locale.objects.get(language_code=code))
        for code in ("pt", "en")
    }
    procedures = list(ProcedureType.objects.all())
    sectors = list(Sector.objects.all())
    for n in range(total):
        pt, en = topic(n)
        key = uuid.uuid4()
        for code, label, text in (("pt", "Caso de teste", pt), ("en", "Test case", en)):
            page = CaseStudyPage(
                title=f"{label} {n}: {text}",
                slug=f"benchmark-case-{n}",
                intro=text,
                procedure_type=procedures[n % len(procedures)] if procedures else None,
                country="PT",
                start_year=2010 + n % 15,
                locale=indexes[code].locale,
                translation_key=key,
            )
            if sectors:
                page.sectors = [sectors[n % len(sectors)]]
            indexes[code].add_child(instance=page)
            SearchEntry.objects.create(
                kind=CaseStudyPage.search_kind,
                object_id=page.pk,
                language=code,
                title=page.title,
                text=text,
            )
        progress(1)


@transaction.atomic
def generate(documents, case_studies, webinars, progress_for):
    create_documents(documents, progress_for("documents", documents))
    tally.recount()  # bulk_create sends no signal: the library's count is read from the tally
    create_webinars(webinars, progress_for("webinars", webinars))
    create_case_studies(case_studies, progress_for("case studies", case_studies))
    transaction.on_commit(ContentVersion.bump)


def analyze():
    """Fresh statistics for the planner: autovacuum would take minutes to notice a bulk load, and
    until then PostgreSQL plans the page tree's queries for an empty table (2 s a home page).
    PostgreSQL also vacuums, as autovacuum would in time: until a table's pages are marked all
    visible, a scan of an index alone reads the table too. VACUUM cannot
    run inside a transaction (a test's): there, statistics only."""
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
