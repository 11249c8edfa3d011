"""StreamField blocks of the procedure chooser: editors' texts for questions and results."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from core.blocks import BLOCK_TEMPLATES, PageChooserBlock, PageLinkStructValue

from .chooser import QUESTION_CHOICES, RECOMMENDATION_CHOICES

TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class AnchoredPageLinkStructValue(PageLinkStructValue):
    def url(self):
        address = super().url()
        anchor = self.get("anchor")
        return f"{address}#{anchor}" if address and anchor else address


class AnchoredPageLinkBlock(blocks.StructBlock):
    """A link to a page or to a section of it: an FAQ entry, a module section, a case study."""

    page = PageChooserBlock(label=_("Page"))
    anchor = blocks.CharBlock(
        label=_("Anchor"),
        required=False,
        max_length=100,
        help_text=_("Optional: the id of a section, e.g. an FAQ entry's key, without #."),
    )
    label = blocks.CharBlock(
        label=_("Link text"), required=False, help_text=_("Leave empty to use the page title.")
    )

    class Meta:
        icon = "link"
        label = _("Link")
        value_class = AnchoredPageLinkStructValue


class RecommendationStructValue(blocks.StructValue):
    def title(self):
        return dict(RECOMMENDATION_CHOICES).get(self.get("recommendation"), "")


class QuestionHelpBlock(blocks.StructBlock):
    question = blocks.ChoiceBlock(choices=QUESTION_CHOICES, label=_("Question"))
    help = blocks.RichTextBlock(label=_("Explanation"), features=TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question explanation")
        description = _("What the question means and how to answer it.")
        preview_value = {"question": "rd", "help": _("<p>Research is still needed when…</p>")}


class RecommendationBlock(blocks.StructBlock):
    recommendation = blocks.ChoiceBlock(choices=RECOMMENDATION_CHOICES, label=_("Recommendation"))
    summary = blocks.RichTextBlock(label=_("Why it fits"), features=TEXT_FEATURES)
    legal_basis = blocks.RichTextBlock(label=_("Legal basis"), features=TEXT_FEATURES)
    pros = blocks.RichTextBlock(label=_("Advantages"), features=TEXT_FEATURES)
    cons = blocks.RichTextBlock(label=_("Drawbacks"), features=TEXT_FEATURES)
    links = blocks.ListBlock(
        AnchoredPageLinkBlock(), label=_("Read more"), required=False, default=[]
    )

    class Meta:
        icon = "tick"
        template = BLOCK_TEMPLATES + "recommendation.html"
        label = _("Recommendation")
        description = _("The text shown when the chooser recommends this procedure or step.")
        value_class = RecommendationStructValue


class NewsletterItemBlock(blocks.StructBlock):
    """One item of a newsletter issue: what is new, in a sentence or two, and where it is."""

    title = blocks.CharBlock(label=_("Title"), max_length=255)
    summary = blocks.TextBlock(
        label=_("Summary"), required=False, help_text=_("One or two sentences.")
    )
    link = blocks.URLBlock(label=_("Link"), help_text=_("The full address of the item."))

    class Meta:
        icon = "link"
        label = _("Item")
        template = BLOCK_TEMPLATES + "newsletter_item.html"
        description = _("A new document, webinar, case study, event or FAQ entry, with its link.")
        preview_value = {
            "title": "Guia de Compras Públicas de Inovação",
            "summary": "Como preparar uma consulta preliminar ao mercado.",
            "link": "https://www.ani.pt/",
        }
