"""Wagtail admin text that would not follow the staff member's language, made to follow it.

- A `Column("port")` without a label shows its field's name ("Port", "Site name") in English;
  those columns take the field's translated verbose name instead (the Sites listing).
- The help menu's "What's new in Wagtail 8.0" is formatted once, in the language of the first
  request that builds the menu, and then shown to everyone in it; it is made lazy.
- The Locales listing counts "2 locales" in every language (Wagtail's Locale has no translated
  name); it counts languages.
(Snippet choosers and breadcrumbs: core/admin_language.py.)
"""

from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy

from wagtail import hooks
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column

WHATS_NEW = "whats-new-in-wagtail-"


def name_label(column):
    return capfirst(column.name.replace("_", " "))


def label_from_verbose_names(view_class, model):
    for column in view_class.columns:
        if type(column) is Column and column.label == name_label(column):
            column.label = capfirst(model._meta.get_field(column.name).verbose_name)


def whats_new_label(version):
    return gettext("What's new in Wagtail %(version)s") % {"version": version}


lazy_whats_new_label = lazy(whats_new_label, str)


def whats_new_in_the_request_language(request, items):
    for item in items:
        if item.name.startswith(WHATS_NEW):
            item.label = lazy_whats_new_label(item.name.removeprefix(WHATS_NEW))


class LanguagesPaginator(WagtailPaginator):
    verbose_name = gettext_lazy("language")
    verbose_name_plural = gettext_lazy("languages")


def connect():
    from wagtail.locales.views import IndexView as LocaleIndexView
    from wagtail.models import Site
    from wagtail.sites.views import IndexView

    label_from_verbose_names(IndexView, Site)
    LocaleIndexView.paginator_class = LanguagesPaginator
    hooks.register("construct_help_menu", whats_new_in_the_request_language)
