from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from buyers.inbox.views import ACTIONS_HOOK
from core.admin_language import SnippetChooserViewSet, SnippetViewSet

from .admin_views import FAQDraftFromRequestView, request_actions
from .models import Agreement, FAQEntry, FAQTopic, GlossaryTerm, Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    usage_shown = True  # chosen by agreements
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["acronym", "name", "role", "website"]
    list_filter = ["role"]
    search_fields = ["acronym", "name_pt", "name_en"]
    search_backend_name = None  # plain database lookups over both languages


class AgreementViewSet(SnippetViewSet):
    model = Agreement
    icon = "doc-full"
    menu_label = _("Agreements")
    list_display = ["title", "signed_on"]
    list_filter = ["signed_on"]


class PartnershipGroup(SnippetViewSetGroup):
    menu_label = _("Partnership")
    menu_icon = "group"
    menu_order = 300
    items = (OrganisationViewSet, AgreementViewSet)


register_snippet(PartnershipGroup)


class FAQEntryViewSet(SnippetViewSet):
    model = FAQEntry
    icon = "help"
    menu_label = _("Questions and answers")  # not the group's "FAQ" again
    # The label given: Wagtail translates its default once, at import, in the default language.
    list_display = ["question", "topic", "last_reviewed", LiveStatusTagColumn(label=_("Status"))]
    list_filter = ["topic", "live", "last_reviewed"]
    search_fields = ["question_pt", "question_en", "slug"]
    search_backend_name = None


class FAQTopicChooserViewSet(SnippetChooserViewSet):
    """FAQ entries choose their topic; the texts agree with "tema" (masculine)."""

    choose_one_text = _("Choose an FAQ topic")
    choose_another_text = _("Choose another FAQ topic")
    edit_item_text = _("Edit this FAQ topic")


class FAQTopicViewSet(SnippetViewSet):
    model = FAQTopic
    usage_shown = True  # chosen by FAQ entries
    icon = "folder-open-inverse"
    chooser_viewset_class = FAQTopicChooserViewSet
    menu_label = _("Topics")
    list_display = ["name", "slug", "sort_order"]


class FAQGroup(SnippetViewSetGroup):
    menu_label = _("FAQ")
    menu_icon = "help"
    menu_order = 310
    items = (FAQEntryViewSet, FAQTopicViewSet)


register_snippet(FAQGroup)


@hooks.register("register_admin_urls")
def faq_draft_urls():
    return [
        path(
            "faq/from-support-request/<int:pk>/",
            FAQDraftFromRequestView.as_view(),
            name="portal_faq_draft_from_request",
        )
    ]


hooks.register(ACTIONS_HOOK, request_actions)


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "title"
    menu_label = _("Glossary terms")  # explicit: the plural name is lower case
    menu_order = 315
    add_to_admin_menu = True
    list_display = ["term", "acronym", "slug"]
    search_fields = ["term_pt", "term_en", "slug"]
    search_backend_name = None


register_snippet(GlossaryTermViewSet)
