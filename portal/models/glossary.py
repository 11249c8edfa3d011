"""Glossary terms in both languages, their page, and their definitions inside rich text."""

from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from core.models import BodyPage

CACHE_KEY = "glossary-terms"


class GlossaryTerm(models.Model):
    slug = models.SlugField(
        _("key"),
        unique=True,
        max_length=60,
        help_text=_("Marks the term in texts: link the words to the anchor #glossary-<key>."),
    )
    term = models.CharField(_("term"), max_length=150, help_text=_("The term as it is written."))
    acronym = models.CharField(_("acronym"), max_length=20, blank=True, help_text=_("If any."))
    definition = models.TextField(_("definition"), help_text=_("One to three plain sentences."))

    panels = [
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("term_pt"), FieldPanel("acronym_pt")]),
        FieldRowPanel([FieldPanel("term_en"), FieldPanel("acronym_en")]),
        FieldPanel("definition_pt"),
        FieldPanel("definition_en"),
    ]

    class Meta:
        ordering = ["slug"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(CACHE_KEY)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        cache.delete(CACHE_KEY)
        return result


def terms_by_slug():
    """{slug: {lang: (term, acronym, definition)}}, cached until a term changes."""
    terms = cache.get(CACHE_KEY)
    if terms is None:
        terms = {
            term.slug: {
                code: (
                    getattr(term, f"term_{code}") or term.term_pt,
                    getattr(term, f"acronym_{code}") or "",
                    getattr(term, f"definition_{code}") or term.definition_pt,
                )
                for code in ("pt", "en")
            }
            for term in GlossaryTerm.objects.all()
        }
        cache.set(CACHE_KEY, terms, None)
    return terms


class GlossaryPage(BodyPage):
    max_count_per_parent = 1
    parent_page_types = ["portal.HomePage", "portal.ContentPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("glossary page")
        verbose_name_plural = _("glossary pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        code = self.locale.language_code
        terms = [(slug, *values[code]) for slug, values in terms_by_slug().items()]
        context["terms"] = sorted(terms, key=lambda item: item[1].casefold())
        return context
