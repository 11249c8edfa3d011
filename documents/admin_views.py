"""The admin's document listing, with filters for the library's own fields (docs/upgrading.md)."""

from django.utils.translation import gettext_lazy as _

from wagtail.documents.views.documents import DocumentsFilterSet, IndexView

import django_filters

from .models import LibraryDocument


class LibraryDocumentsFilterSet(DocumentsFilterSet):
    category = django_filters.ChoiceFilter(
        choices=LibraryDocument.Category.choices, label=_("Category")
    )
    file_language = django_filters.ChoiceFilter(
        choices=LibraryDocument.FileLanguage.choices, label=_("Language of the file")
    )
    published_year = django_filters.NumberFilter(label=_("Publication year"))

    class Meta(DocumentsFilterSet.Meta):
        model = LibraryDocument


class LibraryDocumentIndexView(IndexView):
    filterset_class = LibraryDocumentsFilterSet
