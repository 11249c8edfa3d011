"""The procedure chooser page: one question per step, its state in the query string."""

from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from buyers import chooser
from buyers.blocks import QuestionHelpBlock, RecommendationBlock
from core.models import BasePage

from .support import SupportRequestPage

ANSWER_LABELS = {chooser.YES: _("Yes"), chooser.NO: _("No")}


class ProcedureChooserPage(BasePage):
    """Recommends a procedure from five questions; the logic is buyers.chooser.recommend."""

    home_blurb = _("Answer a few questions and get a recommended procedure, with its legal basis.")
    max_count_per_parent = 1

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
                "answer": ANSWER_LABELS[value],
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
            context["back_query"] = urlencode(self.answers_before(answers, list(answers)[-1]))
            context["share_query"] = urlencode(answers)
            context["support_page"] = SupportRequestPage.objects.live().sibling_of(self).first()
            return context
        context["question"] = chooser.QUESTIONS[current]
        context["step_number"] = path.index(current) + 1
        helps = {block.value["question"]: block.value["help"] for block in self.question_help}
        context["question_help"] = helps.get(current)
        context["hidden_answers"] = list(answers.items())
        context["choices"] = list(ANSWER_LABELS.items())
        # The form names the step it was sent from: sent without an answer, say so.
        context["missing_answer"] = request.GET.get("step") == current
        if answers:
            context["back_query"] = urlencode(self.answers_before(answers, list(answers)[-1]))
        return context

    @staticmethod
    def answers_before(answers, key):
        """The answers given before `key`: the state one step back, or to change that answer."""
        keys = list(answers)
        return {k: answers[k] for k in keys[: keys.index(key)]}
