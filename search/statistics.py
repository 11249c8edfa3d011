"""What visitors search for, as counts: one row per normalised query, language, day and whether
anything was found. No address, session, user agent or user is stored.

A search is added to an in-process buffer (no query in the request); the buffer is written in
one statement after a response has been sent (`request_finished`) once it is
SEARCH_STATS_FLUSH_SECONDS old, and when the process exits. A process killed outright loses at
most that many seconds of counts: acceptable for statistics, and never a slower page.
"""

import atexit
import datetime
import logging
import re
import threading
import time
from collections import Counter

from django.conf import settings
from django.core.signals import request_finished
from django.db import DatabaseError, connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

QUERY_LENGTH = 100
# A query holding an e-mail address is somebody's personal data: not counted.
EMAIL = re.compile(r"\S+@\S+\.\w+")
BUFFER_LIMIT = 500  # distinct keys held before a write is due whatever the time
# The same upsert on SQLite (3.24+) and PostgreSQL: concurrent writers add, never overwrite.
UPSERT = (
    "INSERT INTO search_searchcount (query, language, day, found, count) "
    "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (query, language, day, found) "
    "DO UPDATE SET count = search_searchcount.count + excluded.count"
)


class SearchCount(models.Model):
    """How often a query was searched for in a language on a day; nothing about who."""

    query = models.CharField(
        _("query"), max_length=QUERY_LENGTH, help_text=_("In lower case, spaces collapsed.")
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    day = models.DateField(_("day"), help_text=_("The day of the searches, in Lisbon time."))
    found = models.BooleanField(_("found something"))
    count = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        db_table = "search_searchcount"  # named in UPSERT
        verbose_name = _("search count")
        verbose_name_plural = _("search counts")
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language", "day", "found"], name="one_search_count_per_day"
            )
        ]
        indexes = [models.Index(fields=["day", "language"])]

    def __str__(self):
        return f"{self.query} ({self.language}, {self.day}): {self.count}"


def normalise(query):
    """Lower case, NUL and control characters out, spaces collapsed, at most QUERY_LENGTH."""
    text = "".join(ch if ch.isprintable() else " " for ch in (query or "")[: QUERY_LENGTH * 4])
    return " ".join(text.lower().split())[:QUERY_LENGTH].strip()


def is_bot(request):
    """No user agent, or one naming a known robot (SEARCH_STATS_BOT_AGENTS, lower case)."""
    agent = request.META.get("HTTP_USER_AGENT", "").lower()
    return not agent or any(word in agent for word in settings.SEARCH_STATS_BOT_AGENTS)


class Buffer:
    """Counts waiting to be written, shared by the threads of one process."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = Counter()
        self.since = None

    def add(self, key):
        with self.lock:
            self.counts[key] += 1
            self.since = self.since or time.monotonic()

    def due(self):
        return bool(self.counts) and (
            len(self.counts) >= BUFFER_LIMIT
            or time.monotonic() - self.since >= settings.SEARCH_STATS_FLUSH_SECONDS
        )

    def take(self):
        with self.lock:
            counts, self.counts, self.since = self.counts, Counter(), None
        return counts


buffer = Buffer()


def mark(response, request, query, language, found):
    """Marks the first page of a search's results for SearchStatisticsMiddleware, which sees the
    response outside the page cache (a cached copy keeps the mark)."""
    if query and request.GET.get("page", "1") == "1":
        response.search_record = (query, language, bool(found))
    return response


def record(request, query, language, found):
    """Counts one visitor's search, unless a robot made it or it names a person; no query."""
    query = normalise(query)
    if not settings.SEARCH_STATS_ENABLED or not query or EMAIL.search(query) or is_bot(request):
        return
    buffer.add((query, language, timezone.localdate(), bool(found)))


def flush(**kwargs):
    """Writes the buffered counts in one statement; a database error drops them, logged."""
    counts = buffer.take()
    if not counts:
        return
    rows = [(q, lang, day, found, n) for (q, lang, day, found), n in counts.items()]
    try:
        with connection.cursor() as cursor:
            cursor.executemany(UPSERT, rows)
    except DatabaseError:
        logger.warning("Search counts not saved: %s rows dropped", len(rows), exc_info=True)


def flush_when_due(**kwargs):
    if buffer.due():
        flush()
        # Django's own request_finished handler ran before this one: close as it would have.
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()


def connect():
    request_finished.connect(flush_when_due, dispatch_uid="search_statistics_flush")
    atexit.register(flush)


def purge(now=None):
    """Deletes counts older than SEARCH_STATS_RETENTION_DAYS; returns how many, and the cutoff."""
    cutoff = timezone.localdate(now) - datetime.timedelta(days=settings.SEARCH_STATS_RETENTION_DAYS)
    return SearchCount.objects.filter(day__lt=cutoff).delete()[0], cutoff
