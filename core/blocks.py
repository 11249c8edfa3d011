"""StreamField blocks for page bodies."""

import copy

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.models import Page

from core.locales import active_locale_id
from core.prepared import PreparedFamily
from core.visibility import document_is_public

BLOCK_TEMPLATES = "components/streamfield/blocks/"


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = BLOCK_TEMPLATES + "heading.html"
        label = _("Heading")
        description = _("A section heading; it also appears in the page's outline.")
        preview_value = _("What is public procurement of innovation?")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["h3", "bold", "italic", "ol", "ul", "link", "document-link"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = BLOCK_TEMPLATES + "paragraph.html"
        label = _("Paragraph")
        description = _("Text with lists, links and sub-headings.")
        preview_value = _(
            "<p>Public procurement can be an important tool for inducing innovation.</p>"
        )


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        template = BLOCK_TEMPLATES + "callout.html"
        label = _("Callout")
        description = _("A highlighted box for a key point or a next step.")
        preview_value = {
            "title": _("Good to know"),
            "text": _("<p>A preliminary market consultation comes before the procedure.</p>"),
        }


class LinkStructValue(blocks.StructValue):
    """Label and address of a link block, so templates stay free of link logic."""

    def find_target(self):
        raise NotImplementedError

    @cached_property
    def target(self):
        return self.find_target()  # once per link: templates ask for its address and its label

    @cached_property
    def target_url(self):
        return self.target.url if self.target else ""  # once: a template asks "if url", then url

    def url(self):
        return self.target_url

    def text(self):
        return self.get("label") or (self.target.title if self.target else "")


class PageLinkStructValue(LinkStructValue):
    def find_target(self):
        page = self.get("page")
        if page is None or not page.live:
            return None
        if page.locale_id == active_locale_id():
            return page
        return page.localized


class DocumentLinkStructValue(LinkStructValue):
    def find_target(self):
        document = self.get("document")
        # A restricted document's title is not shown on a public page (core.visibility).
        return document if document is not None and document_is_public(document) else None


# The pages of these ids (one shape per number of ids: a body's links are few).
PAGES_OF_IDS = PreparedFamily(lambda count: lambda *ids: Page.objects.filter(pk__in=ids))


class PageChooserBlock(blocks.PageChooserBlock):
    """Wagtail's page chooser, a body's chosen pages read by a prepared query (core/prepared.py):
    Wagtail's `in_bulk` built a queryset for every body. Migrations name Wagtail's own block
    (DECONSTRUCT_ALIASES below), so no body's migration state changes."""

    def bulk_to_python(self, values):
        if self.model_class is not Page or not all(
            isinstance(pk, int) or pk is None for pk in values
        ):
            return super().bulk_to_python(values)  # a page type given, or ids as text
        ids = sorted({pk for pk in values if pk is not None})
        found = {page.pk: page for page in PAGES_OF_IDS((len(ids),), *ids)} if ids else {}
        pages, seen = [], set()
        for pk in values:  # the values' order, None kept, one instance per mention (Wagtail's)
            page = found.get(pk)
            pages.append(copy.copy(page) if page is not None and pk in seen else page)
            seen.add(pk)
        return pages


class PageLinkBlock(blocks.StructBlock):
    page = PageChooserBlock(label=_("Page"))
    label = blocks.CharBlock(
        label=_("Link text"), required=False, help_text=_("Leave empty to use the page title.")
    )

    class Meta:
        icon = "link"
        template = BLOCK_TEMPLATES + "page_link.html"
        label = _("Page link")
        description = _("A prominent link to another page of the portal.")
        value_class = PageLinkStructValue


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        help_text=_("Leave empty to use the document title."),
    )

    class Meta:
        icon = "doc-full"
        template = BLOCK_TEMPLATES + "document_link.html"
        label = _("Document link")
        description = _("A download link that shows the file's type and size.")
        value_class = DocumentLinkStructValue


class VideoEmbedBlock(EmbedBlock):
    class Meta:
        icon = "media"
        template = BLOCK_TEMPLATES + "embed.html"
        label = _("Embed")
        description = _("A video or slides from a provider such as YouTube or Vimeo.")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    callout = CalloutBlock()
    document_link = DocumentLinkBlock()
    page_link = PageLinkBlock()
    embed = VideoEmbedBlock()


# Migrations name Wagtail's block (Block.canonical_module_path reads this): the same definition.
DECONSTRUCT_ALIASES = {PageChooserBlock: "wagtail.blocks.PageChooserBlock"}
