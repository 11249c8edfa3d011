"""The site search's own index: one row per item and language, kept in step by signals."""

import re

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from search import registry

FORM_WORD = re.compile(r"\w")
MAX_FORMS = 12  # forms per language: a query ORs them all
MAX_FORM_LENGTH = 120


class SearchEntry(models.Model):
    language = models.CharField(max_length=5, db_index=True)
    # A kind registered in search.registry: "page", or one a content app adds.
    kind = models.CharField(max_length=12, db_index=True)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(max_length=255)
    text = models.TextField(blank=True)

    class Meta:
        db_table = "portal_searchentry"  # moved from the portal app; the table kept its name
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "language"], name="unique_search_entry"
            )
        ]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return self.title

    @property
    def kind_label(self):
        """The kind's name for visitors, as its app registered it (search.registry)."""
        kind = registry.kind_named(self.kind)
        return kind.label if kind else ""


def kind_choices():
    """The search page's type filter: every registered kind, pages first."""
    return [(kind.kind, kind.label) for kind in registry.kinds()]


class Synonym(models.Model):
    """A term (often an acronym) and what it stands for: a search for any form finds the others.

    Expanded when a query is run (search.synonyms), so an edit takes effect without reindexing.
    """

    term_pt = models.CharField(
        _("term in Portuguese"),
        max_length=40,
        help_text=_("An acronym or short form as it is written in Portuguese, e.g. CPI."),
    )
    term_en = models.CharField(
        _("term in English"),
        max_length=40,
        blank=True,
        help_text=_("The same term as it is written in English, e.g. PPI; empty if the same."),
    )
    expansions_pt = models.TextField(
        _("what it stands for, in Portuguese"),
        max_length=1000,
        blank=True,
        help_text=_(
            "One form per line, e.g. compras públicas de inovação. A Portuguese search for the "
            "term or any of these forms also finds pages that use another."
        ),
    )
    expansions_en = models.TextField(
        _("what it stands for, in English"),
        max_length=1000,
        blank=True,
        help_text=_(
            "One form per line, e.g. public procurement of innovation. An English search for "
            "the term or any of these forms also finds pages that use another."
        ),
    )

    shown_on_pages = True  # search results change with it (core.page_cache bumps the version)

    class Meta:
        ordering = ["term_pt"]
        verbose_name = _("synonym or acronym")
        verbose_name_plural = _("synonyms and acronyms")

    def __str__(self):
        if self.term_en and self.term_en != self.term_pt:
            return f"{self.term_pt} / {self.term_en}"
        return self.term_pt

    def listed_forms(self, language):
        """The language's expansions on one line, for the admin's listing."""
        expansions = self.expansions_pt if language == "pt" else self.expansions_en
        return "; ".join(line.strip() for line in expansions.splitlines() if line.strip())

    @admin.display(description=_("what it stands for, in Portuguese"))
    def listed_expansions_pt(self):
        return self.listed_forms("pt")

    @admin.display(description=_("what it stands for, in English"))
    def listed_expansions_en(self):
        return self.listed_forms("en")

    def forms(self, language):
        """Every form searched as one in this language: both terms, then its expansions."""
        expansions = self.expansions_pt if language == "pt" else self.expansions_en
        candidates = [self.term_pt, self.term_en, *expansions.splitlines()]
        forms = []
        for form in (" ".join(c.split()) for c in candidates):
            if form and form.casefold() not in {f.casefold() for f in forms}:
                forms.append(form)
        return forms

    def clean(self):
        errors = {}
        for name in ("term_pt", "term_en"):
            value = getattr(self, name)
            if value and not FORM_WORD.search(value):
                errors[name] = _("Write at least one letter or digit.")
        for name in ("expansions_pt", "expansions_en"):
            lines = [line.strip() for line in getattr(self, name).splitlines() if line.strip()]
            if len(lines) > MAX_FORMS:
                errors[name] = _("Write at most %(count)d forms.") % {"count": MAX_FORMS}
            elif any(len(line) > MAX_FORM_LENGTH for line in lines):
                errors[name] = _("Each form must be at most %(count)d characters long.") % {
                    "count": MAX_FORM_LENGTH
                }
            elif any(not FORM_WORD.search(line) for line in lines):
                errors[name] = _("Each line must hold at least one letter or digit.")
        if errors:
            raise ValidationError(errors)


# Models of their own modules, loaded with the app's models.
from search.promotions import SearchPromotion  # noqa: E402, F401
from search.statistics import SearchCount  # noqa: E402, F401
