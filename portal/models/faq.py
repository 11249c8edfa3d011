"""Frequently asked questions: one record per question, in both languages, grouped by topic."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin

from core import jsonld
from core.models import BodyPage, NamedTerm


class FAQTopic(NamedTerm):
    class Meta(NamedTerm.Meta):
        verbose_name = _("FAQ topic")
        verbose_name_plural = _("FAQ topics")


class FAQEntryQuerySet(models.QuerySet):
    def live(self):
        """What visitors may see: published entries, never drafts waiting for moderation."""
        return self.filter(live=True)

    def shown_in(self, language):
        """Live entries with a question in this language or in Portuguese, its fallback."""
        has_question = Q()
        for code in {language, settings.MODELTRANSLATION_DEFAULT_LANGUAGE}:
            has_question |= Q(**{f"question_{code}__gt": ""})
        return self.live().filter(has_question)


class FAQEntry(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    """Drafts go through the moderation workflow; the FAQ page shows live entries only."""

    slug = models.SlugField(
        _("anchor"), unique=True, max_length=80, help_text=_("The question's address on the page.")
    )
    topic = models.ForeignKey(
        FAQTopic,
        verbose_name=_("topic"),
        on_delete=models.PROTECT,
        related_name="entries",
        help_text=_("The group the question is listed under."),
    )
    question = models.CharField(
        _("question"), max_length=255, help_text=_("As a buyer would ask it.")
    )
    short_answer = models.TextField(
        _("short answer"), help_text=_("One or two sentences, shown first.")
    )
    answer = RichTextField(
        _("full answer"),
        blank=True,
        features=["bold", "italic", "ol", "ul", "link", "document-link"],
        help_text=_("The complete answer."),
    )
    legal_source = models.CharField(
        _("legal source"),
        max_length=255,
        blank=True,
        help_text=_("Articles of the Directive or the Public Contracts Code the answer rests on."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"), help_text=_("When the answer was last checked against the law.")
    )
    # Parental: the related questions travel in a draft's revision and go live with its publish.
    related = ParentalManyToManyField(
        "self",
        verbose_name=_("related questions"),
        blank=True,
        symmetrical=False,
        help_text=_("Other questions a reader of this one may want."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=100, help_text=_("Lower numbers are listed first within the topic.")
    )
    # Staff only: shown read-only in the admin, never on the site, in the API or in search.
    source_request = models.ForeignKey(
        "buyers.SupportRequest",
        verbose_name=_("from support request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="faq_entries",
        help_text=_("The support request whose answer this entry was drafted from."),
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="faqentry")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="faqentry",
        for_concrete_model=False,
    )

    objects = FAQEntryQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("topic"), FieldPanel("slug"), FieldPanel("sort_order")]),
        FieldPanel("question_pt"),
        FieldPanel("question_en"),
        FieldPanel("short_answer_pt"),
        FieldPanel("short_answer_en"),
        FieldPanel("answer_pt"),
        FieldPanel("answer_en"),
        FieldPanel("legal_source_pt"),
        FieldPanel("legal_source_en"),
        FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("related")]),
        FieldPanel("source_request", read_only=True),
    ]

    class Meta:
        ordering = ["topic__sort_order", "sort_order", "pk"]
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ entries")

    def __str__(self):
        return self.question

    @property
    def revisions(self):
        return self._revisions


class FAQPage(BodyPage):
    """Renders every FAQ entry, grouped by topic, in the page's language."""

    offered_when_nothing_found = 1  # the search page offers it when a search finds nothing

    max_count_per_parent = 1
    parent_page_types = ["portal.HomePage", "portal.ContentPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("FAQ page")
        verbose_name_plural = _("FAQ pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = self.locale.language_code
        related = FAQEntry.objects.shown_in(language).only("slug", "question_pt", "question_en")
        shown = FAQEntry.objects.shown_in(language)
        entries = shown.prefetch_related(Prefetch("related", queryset=related))
        topics = list(FAQTopic.objects.prefetch_related(Prefetch("entries", queryset=entries)))
        context["topics"] = [topic for topic in topics if topic.entries.all()]
        context["faq_json_ld"] = self.json_ld(context["topics"])
        return context

    def json_ld(self, topics):
        data = {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "inLanguage": self.locale.language_code,
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": entry.question,
                    "acceptedAnswer": {
                        "@type": "Answer",
                        "text": strip_tags(entry.answer) or entry.short_answer,
                    },
                }
                for topic in topics
                for entry in topic.entries.all()
            ],
        }
        return jsonld.dump(data)
