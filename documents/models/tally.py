"""How many documents share each of the library's keys: the count and the years of its filters
read from a few hundred rows instead of every document.

Counting 100,000 documents, even from an index alone, cost 10-13 ms of every cold library page
(docs/benchmarks.md, "Seventh round"). A row holds the documents of one publication year,
collection, category, file language, first or second format; every save and delete of a document
moves its count in the same transaction (`connect()`, the signals below). Whether a collection is
public is read when the rows are, so a view restriction changes nothing here. `recount()`
rebuilds the rows from the documents: after a bulk load, which sends no signals, and nightly, as a
net for edits that raced (manage.py recount_library).
"""

from django.db import models, transaction
from django.db.models import BooleanField, Count, ExpressionWrapper, F, Q
from django.utils.translation import gettext_lazy as _

KEY = ("published_year", "collection_id", "category", "file_language", "second_format")


class DocumentTally(models.Model):
    """The number of documents of one key (KEY); never edited by hand."""

    published_year = models.PositiveSmallIntegerField(null=True)
    collection = models.ForeignKey(
        "wagtailcore.Collection", on_delete=models.CASCADE, related_name="+"
    )
    category = models.CharField(max_length=30)
    file_language = models.CharField(max_length=4)
    second_format = models.BooleanField()  # offered with its first format, not listed alone
    documents = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("document tally")
        verbose_name_plural = _("document tallies")

    def __str__(self):
        return f"{self.published_year} {self.category} {self.file_language}: {self.documents}"


def key_of(document):
    """The tally key of a document as it stands in memory."""
    return (
        document.published_year,
        document.collection_id,
        document.category,
        document.file_language,
        document.format_of_id is not None,
    )


def stored_key(model, pk):
    """The tally key of the document as the database holds it; None if it holds no such row."""
    fields = ("published_year", "collection_id", "category", "file_language", "format_of_id")
    row = model._default_manager.filter(pk=pk).values_list(*fields).first()
    return None if row is None else (*row[:4], row[4] is not None)


def moved(before, after):
    """One document left the key `before` (None: it is new) for `after` (None: it is gone)."""
    if before == after:
        return
    if before is not None:
        add(before, -1)
    if after is not None:
        add(after, 1)


def add(key, step):
    rows = DocumentTally.objects.filter(**dict(zip(KEY, key, strict=True)))
    if not rows.update(documents=F("documents") + step) and step > 0:
        DocumentTally.objects.create(**dict(zip(KEY, key, strict=True)), documents=step)


def counted(documents):
    """The tally rows of a queryset of documents: (key, number of documents), grouped."""
    second = ExpressionWrapper(Q(format_of__isnull=False), output_field=BooleanField())
    rows = (
        documents.order_by()
        .annotate(second_format=second)
        .values(*KEY)
        .annotate(number=Count("pk"))
        .values_list(*KEY, "number")
    )
    return {tuple(row[:-1]): row[-1] for row in rows}


def held(tallies):
    """The rows of a tally table as counted() gives them (keys of no document left out)."""
    rows = tallies.objects.filter(documents__gt=0).values_list(*KEY, "documents")
    found = {}
    for *key, number in rows:
        found[tuple(key)] = found.get(tuple(key), 0) + number  # two racing first saves: two rows
    return found


def recount(documents_model=None, tallies=DocumentTally):
    """Rewrites the tally from the documents; returns {key: (held before, counted)} of the keys
    that differed. The models may be a migration's."""
    if documents_model is None:
        from .library_document import LibraryDocument as documents_model
    with transaction.atomic():
        list(tallies.objects.select_for_update().values_list("pk"))  # edits wait, none is lost
        before, now = held(tallies), counted(documents_model._default_manager.all())
        tallies.objects.all().delete()
        tallies.objects.bulk_create(
            tallies(**dict(zip(KEY, key, strict=True)), documents=number)
            for key, number in now.items()
        )
    keys = before.keys() | now.keys()
    return {k: (before.get(k, 0), now.get(k, 0)) for k in keys if before.get(k) != now.get(k)}


def saving(sender, instance, raw=False, **kwargs):
    """pre_save: the key the document leaves (a fixture's document may already exist: raw)."""
    known = instance.pk is not None and (raw or not instance._state.adding)
    instance._tally_before = stored_key(sender, instance.pk) if known else None


def saved(sender, instance, **kwargs):
    moved(getattr(instance, "_tally_before", None), key_of(instance))


def deleted(sender, instance, **kwargs):
    moved(key_of(instance), None)


def connect(model):
    for signal, receiver in (
        (models.signals.pre_save, saving),
        (models.signals.post_save, saved),
        (models.signals.post_delete, deleted),
    ):
        signal.connect(receiver, sender=model, dispatch_uid=f"tally_{receiver.__name__}")
