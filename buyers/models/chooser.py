"""The procedure chooser page: one question per step, its state in the query string."""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from buyers import chooser, procedure_limits
from buyers.blocks import QuestionHelpBlock, RecommendationBlock
from core.models import BasePage

from .support import SupportRequestPage


def answer_label(key, value):
    """An answer as the visitor reads it: the choice's label, or the amount in euros."""
    choices = dict(chooser.QUESTIONS[key].choices)
    if choices:
        return choices[value]
    amount = Decimal(value)
    places = 0 if amount == amount.to_integral_value() else 2
    return gettext("%(amount)s €") % {
        "amount": number_format(amount, places, use_l10n=True, force_grouping=True)
    }


class ProcedureChooserPage(BasePage):
    """Recommends procedures from the answers; the logic is buyers.chooser and .procedure_limits."""

    home_blurb = _("Answer a few questions and get a recommended procedure, with its legal basis.")
    max_count_per_parent = 1
    subpage_types = []  # a section: the home page type lists it among its own
    fixture_late_fields = ("recommendations",)  # names pages: loaded once every page exists

    question_help = StreamField(
        [("question", QuestionHelpBlock())],
        blank=True,
        verbose_name=_("question explanations"),
        help_text=_("One explanation per question, shown under it."),
    )
    recommendations = StreamField(
        [("recommendation", RecommendationBlock())],
        blank=True,
        verbose_name=_("recommendations"),
        help_text=_("One text per procedure or step the chooser can recommend."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("question_help"),
        FieldPanel("recommendations"),
    ]

    class Meta:
        verbose_name = _("procedure chooser")
        verbose_name_plural = _("procedure choosers")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        answers = chooser.clean_answers(request.GET)
        current = chooser.next_question(answers)
        context["answered"] = [
            {
                "key": key,
                "text": chooser.QUESTIONS[key].text,
                "answer": answer_label(key, value),
                "change_query": urlencode(self.answers_before(answers, key)),
            }
            for key, value in answers.items()
        ]
        path = chooser.question_path(answers)
        context["steps_total"] = len(path)
        if current is None:
            keys = chooser.recommend(answers)
            texts = {block.value["recommendation"]: block for block in self.recommendations}
            context["results"] = [texts[key] for key in keys if key in texts]
            context["explanations"] = chooser.explain(answers)
            context["contract_label"] = answer_label("contract", answers["contract"])
            context["value_label"] = answer_label("value", answers["value"])
            context["by_value"] = procedure_limits.procedures_by_value(
                answers["contract"], answers["value"]
            )
            context["value_article"] = procedure_limits.ARTICLES[answers["contract"]]
            context["amounts_missing"] = procedure_limits.amounts_missing(context["by_value"])
            context["back_query"] = urlencode(self.answers_before(answers, list(answers)[-1]))
            context["share_query"] = urlencode(answers)
            context["support_page"] = SupportRequestPage.objects.live().sibling_of(self).first()
            return context
        context["question"] = chooser.QUESTIONS[current]
        context["step_number"] = path.index(current) + 1
        helps = {block.value["question"]: block.value["help"] for block in self.question_help}
        context["question_help"] = helps.get(current)
        context["hidden_answers"] = list(answers.items())
        context["choices"] = list(chooser.QUESTIONS[current].choices)
        # The form names the step it was sent from: sent without a valid answer, say so.
        context["missing_answer"] = request.GET.get("step") == current
        if context["missing_answer"] and not context["choices"]:
            # What was typed comes back in the field (escaped by the template), never lost.
            context["typed_value"] = request.GET.get(current, "")[: chooser.MAX_VALUE_LENGTH]
        if answers:
            context["back_query"] = urlencode(self.answers_before(answers, list(answers)[-1]))
        return context

    @staticmethod
    def answers_before(answers, key):
        """The answers given before `key`: the state one step back, or to change that answer."""
        keys = list(answers)
        return {k: answers[k] for k in keys[: keys.index(key)]}
