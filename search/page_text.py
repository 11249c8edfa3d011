"""The text a visitor reads on a page, whatever its type: every prose field and every block.

Not only the fields a page type lists in `search_fields`: every StreamField, rich text and
plain text field its own classes add to Wagtail's Page (short single-line fields only when
listed, as staff-only settings such as a form's addresses are single-line), each StreamField
walked block by block, nested structs, lists and streams included, rich text stripped to text.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.html import strip_tags

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.search import index

PAGE_FIELDS = {f.name for f in Page._meta.get_fields()}


def block_text(block, value):
    """The visible words of one block's value, recursing into structs, lists and streams."""
    if value is None:
        return []
    if isinstance(block, blocks.StreamBlock):
        return [text for child in value for text in block_text(child.block, child.value)]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in block_text(block.child_block, item)]
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child in block.child_blocks.items()
            for text in block_text(child, value.get(name))
        ]
    if isinstance(block, blocks.RichTextBlock) or isinstance(value, RichText):
        return [strip_tags(value.source if isinstance(value, RichText) else str(value))]
    if isinstance(block, (blocks.ChoiceBlock, blocks.MultipleChoiceBlock)):
        return block.get_searchable_content(value)  # the labels a visitor sees, not the keys
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)) and not isinstance(
        block, (blocks.URLBlock, blocks.EmailBlock, blocks.RegexBlock)
    ):
        return [str(value)]
    return []  # choosers, embeds, dates, numbers: no words of their own


def field_text(page, name):
    """Plain text of one of the page's fields (or a property named in search_fields)."""
    try:
        field = page._meta.get_field(name)
    except FieldDoesNotExist:
        field = None
    value = getattr(page, name, "")
    if isinstance(field, StreamField):
        return " ".join(block_text(field.stream_block, value))
    if value is None or callable(value) or isinstance(value, models.Model):
        return ""
    return strip_tags(str(value))


def content_field_names(page):
    """search_fields first, then every prose field the page type adds to Page."""
    names = [f.field_name for f in page.get_search_fields() if isinstance(f, index.SearchField)]
    for field in type(page)._meta.concrete_fields:
        prose = isinstance(field, (StreamField, models.TextField))  # RichTextField included
        if prose and field.name not in PAGE_FIELDS and field.name not in names:
            names.append(field.name)
    return [name for name in names if name != "title"]


def page_text(page):
    texts = (field_text(page, name) for name in content_field_names(page))
    return " ".join(text for text in texts if text.strip())
