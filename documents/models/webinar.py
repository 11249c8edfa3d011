"""Webinars of the centre: when they took place, their slides and recording."""

import datetime
from zoneinfo import ZoneInfo

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

LISBON = ZoneInfo("Europe/Lisbon")


class WebinarQuerySet(models.QuerySet):
    def public(self):
        """Webinars carry no view restriction: all are public (their slides may not be)."""
        return self.all()

    def upcoming(self):
        return self.filter(starts_on__gte=timezone.localdate()).order_by("starts_on", "start_time")

    def past(self):
        return self.filter(starts_on__lt=timezone.localdate()).order_by("-starts_on")

    def next_or_latest(self):
        """The first of upcoming(), else the first of past(), in one query instead of two."""
        upcoming = models.Q(starts_on__gte=timezone.localdate())
        return self.order_by(
            models.Case(models.When(upcoming, then=0), default=1),
            # upcoming() order; NULL on every past webinar, so past() order decides among them
            models.Case(models.When(upcoming, then="starts_on")),
            models.Case(models.When(upcoming, then="start_time")),
            "-starts_on",
        ).first()


class Webinar(models.Model):
    class Format(models.TextChoices):
        ONLINE = "online", _("Online")
        IN_PERSON = "in_person", _("In person")
        HYBRID = "hybrid", _("Hybrid")

    slug = models.SlugField(
        _("slug"), unique=True, max_length=80, help_text=_("Part of the webinar's address.")
    )
    title = models.CharField(_("title"), max_length=255, help_text=_("The webinar's title."))
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the webinar covers and for whom.")
    )
    starts_on = models.DateField(_("date"), help_text=_("Day of the webinar."))
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_("Lisbon time. Leave empty if it is not known."),
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), null=True, blank=True, help_text=_("Leave empty if unknown.")
    )
    format = models.CharField(
        _("format"),
        max_length=10,
        choices=Format.choices,
        default=Format.ONLINE,
        help_text=_("How people attend."),
    )
    recording_url = models.URLField(
        _("recording"), blank=True, help_text=_("Address of the recording, if published.")
    )
    slides = models.ForeignKey(
        "documents.LibraryDocument",
        verbose_name=_("slides"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The presentation, from the document library."),
    )
    speakers = models.TextField(
        _("speakers"), blank=True, help_text=_("One speaker per line, with their organisation.")
    )
    chapters = models.TextField(
        _("chapters or transcript"),
        blank=True,
        help_text=_(
            "Chapters of the recording (one per line, e.g. '00:05 Welcome') or a transcript."
        ),
    )

    objects = WebinarQuerySet.as_manager()

    panels = [
        FieldPanel("title_pt"),
        FieldPanel("title_en"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("format")]),
            ],
            heading=_("When and how"),
        ),
        FieldPanel("description_pt"),
        FieldPanel("description_en"),
        FieldPanel("slides"),
        FieldPanel("recording_url"),
        FieldPanel("speakers_pt"),
        FieldPanel("speakers_en"),
        FieldPanel("chapters_pt"),
        FieldPanel("chapters_en"),
    ]

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("webinar")
        verbose_name_plural = _("webinars")

    def __str__(self):
        return self.title

    @property
    def starts_at(self):
        """Start as an aware datetime in Lisbon, or None when only the day is known."""
        if self.start_time is None:
            return None
        return datetime.datetime.combine(self.starts_on, self.start_time, tzinfo=LISBON)

    @property
    def ends_at(self):
        if self.starts_at is None or not self.duration_minutes:
            return None
        return self.starts_at + datetime.timedelta(minutes=self.duration_minutes)

    @property
    def is_upcoming(self):
        return self.starts_on >= timezone.localdate()

    def public_slides(self):
        """The slides, unless their document is restricted (core.visibility)."""
        return self.slides if self.slides and self.slides.is_public() else None

    def speaker_list(self):
        return [line.strip() for line in self.speakers.splitlines() if line.strip()]

    def chapter_list(self):
        return [line.strip() for line in self.chapters.splitlines() if line.strip()]
