"""Results editors put first for a query in a language: moderated like FAQ entries, only live
promotions shown, and never a page or file an anonymous visitor may not see.

Not `wagtail.contrib.search_promotions`: its promotions are neither per language nor
moderated (no drafts, no workflow), and it counts queries with the visitor's every search.
"""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import DraftStateMixin, LockableMixin, Page, RevisionMixin, WorkflowMixin

from core.versioned_cache import remember
from core.visibility import public_pages, restricted_collections
from search import registry
from search.statistics import normalise


class SearchPromotion(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """A page or a document shown first, labelled, when a visitor searches for `query`."""

    shown_on_pages = True  # the search page shows it (and is cached under the content version)

    query = models.CharField(
        _("search query"),
        max_length=100,
        help_text=_("What visitors type; capitals and extra spaces do not matter."),
    )
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        help_text=_("The language of the search page it applies to."),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A page in the same language. Choose a page or a document."),
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A library document. Choose a page or a document."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are shown first for the same query.")
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="searchpromotion")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="searchpromotion",
        for_concrete_model=False,
    )

    panels = [
        FieldRowPanel([FieldPanel("query"), FieldPanel("language"), FieldPanel("sort_order")]),
        FieldPanel("page"),
        FieldPanel("document"),
    ]

    class Meta:
        ordering = ["language", "query", "sort_order", "pk"]
        verbose_name = _("promoted search result")
        verbose_name_plural = _("promoted search results")

    def __str__(self):
        target = self.page or self.document
        return f"{self.query} ({self.language}): {target}"

    def save(self, *args, **kwargs):
        self.query = normalise(self.query)
        super().save(*args, **kwargs)

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        self.query = normalise(self.query)
        errors = {}
        if not self.query:
            errors["query"] = _("Type the words visitors search for.")
        if bool(self.page_id) == bool(self.document_id):
            errors[NON_FIELD_ERRORS] = _("Choose either a page or a document, not both.")
        elif self.page_id and self.page.locale.language_code != self.language:
            errors["page"] = _("Choose the page in the promotion's language.")
        if errors:
            raise ValidationError(errors)


def visible_promotions(request, language, query):
    """The live promotions for this query, whose page or file an anonymous visitor may see,
    as plain values (cached); three queries."""
    promotions = list(
        SearchPromotion.objects.filter(live=True, language=language, query=normalise(query))
        .select_related("document")
        .order_by("sort_order", "pk")
    )
    if not promotions:
        return []
    page_ids = [p.page_id for p in promotions if p.page_id]
    pages = public_pages(Page.objects.filter(pk__in=page_ids)).in_bulk() if page_ids else {}
    hidden = set(restricted_collections().values_list("pk", flat=True))
    shown = []
    for promotion in promotions:
        page, document = pages.get(promotion.page_id), promotion.document
        if page:
            shown.append(
                {
                    "kind": "page",
                    "object_id": page.pk,
                    "title": page.title,
                    "url": page.get_url(request),
                    "excerpt": page.search_description,
                }
            )
        elif document and document.collection_id not in hidden:
            source = registry.source_for_model(type(document))  # the library's "document"
            shown.append(
                {
                    "kind": source.kind if source else registry.PAGE,
                    "object_id": document.pk,
                    "title": document.title,
                    "url": document.url,
                    "excerpt": getattr(document, "description", ""),
                }
            )
    return shown


def promoted(request, language, query):
    """visible_promotions(), remembered under the content version: one cache read."""
    digest = hashlib.sha256(normalise(query).encode()).hexdigest()[:32]
    return remember(
        request,
        f"search-promoted:{language}:{digest}",
        lambda: visible_promotions(request, language, query),
    )


def is_promoted(entry, promotions):
    """Whether a search entry stands for one of the promoted items (a page or a document)."""
    kind = registry.PAGE if registry.source_for_kind(entry.kind) is None else entry.kind
    return any(kind == p["kind"] and entry.object_id == p["object_id"] for p in promotions)
