"""Fields and behaviour every portal page shares."""

from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from core import wagtail_internals
from core.blocks import BodyBlock
from core.prepared import Prepared, PreparedFamily
from core.visibility import public_documents


class BasePage(Page):
    """A page with a lead paragraph; the lead doubles as the meta description."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=300,
        help_text=_("One or two sentences shown under the title and to search engines."),
    )
    menu_title = models.CharField(
        _("menu title"),
        max_length=30,
        blank=True,
        help_text=_(
            "A short name for the main menu (e.g. “FAQ”), so that the menu fits on one line; "
            "the title is used when it is empty."
        ),
    )

    search_fields = [*Page.search_fields, index.SearchField("intro")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = [*Page.promote_panels, FieldPanel("menu_title")]

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        return self.search_description or self.intro

    def get_view_restrictions(self):
        """None for a page the route cache remembered as unrestricted (core/routing.py): it is
        kept only for its content version, which a new restriction bumps."""
        if getattr(self, "known_unrestricted", False):
            return PageViewRestriction.objects.none()
        if not self.pk or not self.path:  # not in the tree yet: Wagtail's own reading
            return super().get_view_restrictions()
        # Wagtail's rule (this page and its ancestors, an alias by its source page) in one query,
        # not two: the ancestors' tree paths are the leading steps of this page's own path. Read
        # by a prepared queryset; a page with none gets an empty queryset that asks nothing more.
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        if not RESTRICTIONS_OF_PATHS(*paths):
            return PageViewRestriction.objects.none()
        return restrictions_of_paths(*paths)

    def route(self, request, path_components):
        """Wagtail's route; a child of the one page type this page takes is read with its own
        fields in one query, not two (the plain page, then its specific one). Both readings
        are prepared querysets (core/prepared.py)."""
        if not path_components:
            return super().route(request, path_components)
        child_model = self.only_child_model() or self.child_type(path_components[0])
        if child_model is None:
            return super().route(request, path_components)
        found = ROUTED_CHILDREN((child_model,), self.path, self.depth + 1, path_components[0])
        if len(found) != 1:  # a child of another type, or none: Wagtail decides
            return super().route(request, path_components)
        child = found[0]
        wagtail_internals.preset_parent(child, self)
        return child.specific.route(request, path_components[1:])

    def child_type(self, slug):
        """The page type of this page's child with that slug, if it is one of the project's."""
        found = CHILD_TYPES(self.path, self.depth + 1, slug)
        model = found[0].specific_class if len(found) == 1 else None
        return model if model is not None and issubclass(model, BasePage) else None

    @classmethod
    def only_child_model(cls):
        """The page type of every child this type takes, when it takes exactly one, else None."""
        models = cls.allowed_subpage_models()
        return models[0] if len(models) == 1 and issubclass(models[0], BasePage) else None

    @classmethod
    def routed_pages(cls):
        """The pages of this type as a visit reaches them (a type adds what it always shows)."""
        return cls.objects.all()

    @classmethod
    def can_create_at(cls, parent):
        """Below a site's home page only, unless the type names its parents: which types take
        a section page (a library, a form) their subpage_types say, as its app may name none."""
        at_root = parent.is_root() and getattr(cls, "parent_page_types", None) is None
        return super().can_create_at(parent) and not at_root


def restrictions_of_paths(*paths):
    """The view restrictions on the pages at these tree paths, an alias by its source page."""
    checked = Page.objects.filter(path__in=paths).values(page=Coalesce("alias_of_id", "id"))
    return PageViewRestriction.objects.filter(page_id__in=checked)


RESTRICTIONS_OF_PATHS = Prepared(restrictions_of_paths)


def routed_children(model):
    """The routed_pages() of that type below a parent (its path, the children's depth), by slug."""
    return lambda path, depth, slug: model.routed_pages().filter(
        path__startswith=path, depth=depth, slug=slug
    )


ROUTED_CHILDREN = PreparedFamily(routed_children)
# A child's type by its parent's path, its depth and its slug.
CHILD_TYPES = Prepared(
    lambda path, depth, slug: Page.objects.filter(
        path__startswith=path, depth=depth, slug=slug
    ).only("content_type_id")
)


# The documents of these ids that a visitor may see.
PUBLIC_DOCUMENTS = Prepared(
    lambda *pks: public_documents(get_document_model().objects.filter(pk__in=pks))
)


class BodyPage(BasePage):
    """A page whose content is a StreamField of headings, text, callouts and links."""

    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("The page's content, block by block."),
    )

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    class Meta:
        abstract = True


class RelatedDocumentsMixin(models.Model):
    """Files that belong with the page, shown as a download list with type and size."""

    documents = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        blank=True,
        verbose_name=_("documents"),
        help_text=_("Files from the document library that belong with this page."),
    )

    panels = [FieldPanel("documents")]

    class Meta:
        abstract = True

    def document_list(self):
        """The chosen documents a visitor may see (core.visibility), in the editor's order; one
        query from the stream's chosen ids (reading its documents, then checking them, was two)."""
        chosen = [block["value"] for block in self.documents.raw_data if block["value"] is not None]
        if not chosen:
            return []
        public = {document.pk: document for document in PUBLIC_DOCUMENTS(*chosen)}
        return [public[pk] for pk in chosen if pk in public]
