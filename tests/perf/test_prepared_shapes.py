"""Every prepared queryset a cold page runs keeps its shape (core/prepared.py): a builder whose
two builds disagree (a set's order, a value computed on its way) is built afresh on every
request, silently; this finds it on the portal's own pages, in both languages."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import override

import pytest

from casestudies.models import CaseStudyPage
from core.prepared import Prepared
from documents.models import DocumentLibraryPage, LibraryDocument

PAGES = ("home", "library", "document", "case study", "search")


@pytest.fixture
def addresses(portal_content):
    def of(code):
        library = DocumentLibraryPage.objects.live().get(locale__language_code=code)
        case = CaseStudyPage.objects.live().filter(locale__language_code=code).first()
        with override(code):
            search = reverse("search") + "?q=inova%C3%A7%C3%A3o"
        return (
            f"/{code}/",
            library.url,
            library.document_url(LibraryDocument.objects.listed().first()),
            case.url,
            search,
        )

    return of


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_each_prepared_shape_of_a_cold_page_is_kept(client, addresses, monkeypatch, settings, code):
    settings.PAGE_CACHE_SECONDS = settings.FRAGMENT_CACHE_SECONDS = 0  # every cache off
    ContentType.objects.clear_cache()  # as a new worker starts: read from the table, then kept
    used = []
    call = Prepared.__call__
    monkeypatch.setattr(Prepared, "__call__", lambda self, *v: used.append(self) or call(self, *v))
    for name, url in zip(PAGES, addresses(code), strict=True):
        assert client.get(url).status_code == 200, name
    assert used
    not_kept = {
        f"{p.build.__code__.co_filename}:{p.build.__code__.co_firstlineno}"
        for p in used
        if None in p.plans.values()
    }
    assert not_kept == set()
