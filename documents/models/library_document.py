"""The library's document: a Wagtail document with category, file language and date."""

from django.conf import settings
from django.db import models, transaction
from django.db.models import BooleanField, F, Func, Q
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument, DocumentQuerySet
from wagtail.search import index

from core.models import ChoiceLabels
from core.visibility import document_is_public, public_documents
from documents import sheets
from documents.tasks import extract_document_text
from documents.text_extraction import extract_text

# The library's one order, the model's default: newest first, documents of unknown date last on
# both databases (NULLS LAST), then by pk. Migration 0005 indexes it.
NEWEST_FIRST = [
    F("published_year").desc(nulls_last=True),
    F("published_on").desc(nulls_last=True),
    F("created_at").desc(),
    "pk",
]


class Likely(Func):
    """A condition true for most rows, told to SQLite's planner (`likely()`); plain elsewhere.

    With statistics SQLite takes `format_of_id IS NULL` for a selective term (its index averages
    the NULLs with the few set values), reads 20,000 rows through that index and sorts them,
    instead of walking the newest-first index and stopping after a page of them."""

    function = "likely"
    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        if connection.vendor != "sqlite":
            return compiler.compile(self.source_expressions[0])
        return super().as_sql(compiler, connection, **extra_context)


class LibraryDocumentQuerySet(DocumentQuerySet):
    """Wagtail's document queryset (admin search included) plus the visitor's rule."""

    def public(self):
        """Documents an anonymous visitor may see: no view restriction on their collections."""
        return public_documents(self)

    def listed(self):
        """Public documents shown on their own: a second format is offered with its document."""
        return self.public().filter(Likely(Q(format_of__isnull=True)))


class LibraryDocument(ChoiceLabels, AbstractDocument):
    """A downloadable file of the library; title and description exist in PT and EN."""

    class Category(models.TextChoices):
        FAQ = "faq", _("FAQ")
        GUIDANCE_MODULE = "guidance_module", _("Guidance module")
        SEMINAR_REPORT = "seminar_report", _("Seminar report")
        GOOD_PRACTICE_REPORT = "good_practice_report", _("Good-practice report")
        WORKSHOP_REPORT = "workshop_report", _("Workshop report")
        FACTSHEET = "factsheet", _("Factsheet")
        WEBINAR_MATERIAL = "webinar_material", _("Webinar material")
        TRANSLATION = "translation", _("Translation")
        MARKET_STUDY = "market_study", _("Market study")
        ARTICLE = "article", _("Article")
        CASE_STUDY_SHEET = "case_study_sheet", _("Case study sheet")
        PROJECT_FILE = "project_file", _("Project file")
        TEMPLATE = "template", _("Templates")

    class FileLanguage(models.TextChoices):
        PT = "pt", _("Portuguese")
        EN = "en", _("English")
        BOTH = "both", _("Portuguese and English")

    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One to three sentences on what the file contains and who it is for."),
    )
    category = models.CharField(
        _("category"),
        max_length=30,
        choices=Category.choices,
        default=Category.PROJECT_FILE,
        db_index=True,
        help_text=_("The kind of document; visitors filter the library by it."),
    )
    file_language = models.CharField(
        _("language of the file"),
        max_length=4,
        choices=FileLanguage.choices,
        default=FileLanguage.PT,
        db_index=True,
        help_text=_("The language the file itself is written in."),
    )
    published_year = models.PositiveSmallIntegerField(
        _("publication year"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Year of publication; filled from the date when one is given."),
    )
    published_on = models.DateField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_("Exact date of publication. Leave empty if only the year is known."),
    )

    original_url = models.URLField(
        _("public address of the original"),
        blank=True,
        help_text=_(
            "Where the original is published, when this file is only a sheet describing it. "
            "Only a verified address."
        ),
    )
    text_content = models.TextField(
        _("text of the file"),
        blank=True,
        editable=False,
        help_text=_(
            "Extracted from the file when it is uploaded or replaced, for the site search."
        ),
    )
    format_of = models.ForeignKey(
        "self",
        verbose_name=_("same document in another format, of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="other_formats",
        help_text=_(
            "Set on the second format of a document (e.g. the ODT of a DOCX template): it is"
            " then offered on that document's card and page instead of being listed on its own."
        ),
    )
    import_key = models.CharField(
        _("import key"),
        max_length=100,
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text=_("Identifies a document loaded from the portal's fixtures or a bulk import."),
    )

    objects = LibraryDocumentQuerySet.as_manager()

    admin_form_fields = (
        "title",  # hidden and filled from title_pt/title_en; multiple upload needs it
        "title_pt",
        "title_en",
        "file",
        "category",
        "file_language",
        "published_year",
        "published_on",
        "description_pt",
        "description_en",
        "original_url",
        "format_of",
        "collection",
        "tags",
    )
    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("title_pt", boost=2),
        index.SearchField("title_en", boost=2),
        index.SearchField("description_pt"),
        index.SearchField("description_en"),
        index.FilterField("category"),
        index.FilterField("file_language"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]
        ordering = NEWEST_FIRST
        indexes = [
            # The library's category and year filters, and their counts.
            models.Index(fields=["category", "published_year"], name="document_category_year"),
            # The second formats of a page of documents: the plain index of format_of averages
            # its many NULLs in, and SQLite's planner scanned the table instead (26 → 0.4 ms).
            models.Index(
                fields=["format_of"],
                name="document_second_formats",
                condition=Q(format_of__isnull=False),
            ),
        ]

    @property
    def is_sheet(self):
        """The file is a generated sheet: the portal does not hold the original."""
        return sheets.is_sheet(self.text_content)

    @classmethod
    def from_db(cls, db, field_names, values):
        document = super().from_db(db, field_names, values)
        document._loaded_file_name = document.file.name if "file" in field_names else None
        return document

    def save(self, *args, **kwargs):
        if self.published_on:
            self.published_year = self.published_on.year
        extract_later = False
        if self.file and self.file.name != getattr(self, "_loaded_file_name", None):
            extract_later = self.file.size > settings.TEXT_EXTRACTION_INLINE_BYTES
            # A small file is read in milliseconds; a large one by a task, off the request.
            self.text_content = "" if extract_later else extract_text(self.file)
            self._loaded_file_name = self.file.name
        with transaction.atomic():  # the document and its tally (models/tally.py) together
            super().save(*args, **kwargs)
        if extract_later:
            pk, name = self.pk, self.file.name
            transaction.on_commit(lambda: extract_document_text.enqueue(pk, name))

    def is_public(self):
        """The rule of `LibraryDocumentQuerySet.public` for this one document; one query."""
        return document_is_public(self)
