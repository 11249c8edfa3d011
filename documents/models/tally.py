"""How many documents share each of the library's keys: the count and the years of its filters
read from a few hundred rows instead of every document.

Counting 100,000 documents, even from an index alone, cost 10-13 ms of every cold library page
(docs/benchmarks.md, "Seventh round"). A row holds the documents of one publication year,
collection, category, file language, first or second format. Every save moves its document's
count in the same transaction; a delete counts the keys it touched again (its second formats
become first formats of their own). Whether a collection is public is read when the rows are,
so a view restriction changes nothing here. `recount()` rebuilds the rows from the documents:
after a bulk load, which sends no signals, and nightly, as a net for edits that raced
(manage.py recount_library).
"""

from django.db import connection, models, transaction
from django.db.models import BooleanField, Count, ExpressionWrapper, F, Q, Subquery
from django.utils.translation import gettext_lazy as _

KEY = ("published_year", "collection_id", "category", "file_language", "second_format")
# The document's columns behind each part of a key (the last: set on a second format).
STORED = ("published_year", "collection_id", "category", "file_language", "format_of_id")


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


def as_key(values):
    """The tally key of a document's STORED values."""
    return (*values[:4], values[4] is not None)


def as_fields(key):
    """A key as the tally's field values."""
    return dict(zip(KEY, key, strict=True))


def key_of(document):
    """The tally key of a document as it stands in memory."""
    return as_key([getattr(document, column) for column in STORED])


def stored_keys(documents):
    """The tally keys of a queryset's documents as the database holds them."""
    return [as_key(row) for row in documents.values_list(*STORED)]


def stored_key(model, pk):
    """The tally key of the document as the database holds it; None if it holds no such row.
    Locked till the save commits: two edits of one document would both leave the old key."""
    rows = model._default_manager.filter(pk=pk)
    if connection.in_atomic_block:
        rows = rows.select_for_update()
    return next(iter(stored_keys(rows)), None)


def moved(before, after):
    """One document left the key `before` (None: it is new) for `after` (None: it is gone)."""
    if before == after:
        return
    if before is not None:
        add(before, -1)
    if after is not None:
        add(after, 1)


def add(key, step):
    """One row of the key moves (two racing first saves of a key may have made two)."""
    rows = DocumentTally.objects.filter(**as_fields(key))
    first = DocumentTally.objects.filter(pk=Subquery(rows.order_by("pk").values("pk")[:1]))
    if not first.update(documents=F("documents") + step) and step > 0:
        DocumentTally.objects.create(**as_fields(key), documents=step)


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
    """Rewrites the tally from the documents, in place; returns {key: (held before, counted)} of
    the keys that differed. The models may be a migration's.

    The rows are locked first and updated where they stand: an edit waiting on one then moves
    the recounted number, where a row deleted and made again would have lost its step."""
    if documents_model is None:
        from .library_document import LibraryDocument as documents_model
    with transaction.atomic():
        rows = list(tallies.objects.select_for_update().order_by("pk"))
        before, now = held(tallies), counted(documents_model._default_manager.all())
        seen = set()
        for row in rows:
            key = tuple(getattr(row, name) for name in KEY)
            number = 0 if key in seen else now.get(key, 0)  # a key's first row holds its count
            seen.add(key)
            if row.documents != number:
                tallies.objects.filter(pk=row.pk).update(documents=number)
        tallies.objects.bulk_create(
            tallies(**as_fields(key), documents=number)
            for key, number in now.items()
            if key not in seen
        )
    keys = before.keys() | now.keys()
    return {k: (before.get(k, 0), now.get(k, 0)) for k in keys if before.get(k) != now.get(k)}


def saving(sender, instance, raw=False, **kwargs):
    """pre_save: the key the document leaves (a fixture's document may already exist: raw)."""
    known = instance.pk is not None and (raw or not instance._state.adding)
    instance._tally_before = stored_key(sender, instance.pk) if known else None


def saved(sender, instance, update_fields=None, **kwargs):
    """post_save: the key the document now has; of a save of some fields, only theirs are new
    (the rest of the object in memory may be older than the row: a task's save of the text)."""
    before, after = getattr(instance, "_tally_before", None), key_of(instance)
    if update_fields is not None and before is not None:
        named = {sender._meta.get_field(name).attname for name in update_fields}
        after = tuple(
            new if column in named else old
            for column, old, new in zip(STORED, before, after, strict=True)
        )
    moved(before, after)


def deleting(sender, instance, **kwargs):
    """pre_delete: the keys of its second formats, which become first formats of their own when
    it goes (format_of is SET_NULL: an update that sends no signal)."""
    instance._tally_seconds = stored_keys(sender._default_manager.filter(format_of=instance.pk))


def deleted(sender, instance, **kwargs):
    """post_delete: every key the delete touched counted again, exactly: the document and its
    second formats may go in one delete, in any order, so no step of one can be trusted."""
    touched = {key_of(instance), *getattr(instance, "_tally_seconds", ())}
    for key in {(*key[:4], second) for key in touched for second in (False, True)}:
        recount_key(sender, key)


def recount_key(model, key):
    documents = model._default_manager.filter(**dict(zip(STORED[:4], key[:4], strict=True)))
    number = documents.filter(format_of__isnull=not key[4]).count()
    DocumentTally.objects.filter(**as_fields(key)).delete()
    if number:
        DocumentTally.objects.create(**as_fields(key), documents=number)


def connect(model):
    for signal, receiver in (
        (models.signals.pre_save, saving),
        (models.signals.post_save, saved),
        (models.signals.pre_delete, deleting),
        (models.signals.post_delete, deleted),
    ):
        signal.connect(receiver, sender=model, dispatch_uid=f"tally_{receiver.__name__}")
