"""The template engine's own cost with every cache off: cards share one context, choice labels
come from a table, and a fragment cached for 0 seconds skips the cache."""

from django.core.cache import cache
from django.db.models import Model
from django.template import RequestContext, engines
from django.template.loader import get_template
from django.test import RequestFactory
from django.utils import translation

import pytest

from casestudies.models import CaseStudyPage
from core.models.choices import choice_labels
from documents.models import LibraryDocument
from tests.documents.factories import LibraryDocumentFactory


@pytest.fixture
def request_(rf: RequestFactory):
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.cookie import CookieStorage

    request = rf.get("/pt/biblioteca/")
    request.user = AnonymousUser()
    request._messages = CookieStorage(request)
    return request


@pytest.mark.django_db
def test_cards_run_the_context_processors_once(monkeypatch, request_, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    documents = [LibraryDocumentFactory() for _ in range(3)]
    bound = []
    bind = RequestContext.bind_template
    monkeypatch.setattr(
        RequestContext, "bind_template", lambda self, t: bound.append(t) or bind(self, t)
    )
    page = engines["django"].from_string(
        '{% load card_tags %}{% cards documents "includes/document_card.html" "document" %}'
    )
    with translation.override("pt"):
        html = page.render({"documents": documents}, request_)
        assert len(bound) == 2  # the page's template, then all three cards at once
        card = get_template("includes/document_card.html")
        alone = [card.render({"document": document}, request_) for document in documents]
    assert html == "".join(f"<li>{part}</li>" for part in alone)  # as each card rendered alone


@pytest.mark.django_db
def test_choice_labels_come_from_a_table_in_the_language_shown():
    case = CaseStudyPage(country="DE")
    document = LibraryDocument(category=LibraryDocument.Category.WORKSHOP_REPORT)
    country = CaseStudyPage._meta.get_field("country")
    hits = choice_labels.cache_info().hits
    for language, germany in (("pt", "Alemanha"), ("en", "Germany"), ("pt", "Alemanha")):
        with translation.override(language):
            assert case.get_country_display() == germany
            assert case.get_country_display() == Model._get_FIELD_display(case, country)
            category = LibraryDocument._meta.get_field("category")
            assert document.get_category_display() == Model._get_FIELD_display(document, category)
    assert choice_labels.cache_info().hits > hits  # built once, read since
    assert CaseStudyPage(country="XX").get_country_display() == "XX"  # unknown: the value


@pytest.mark.parametrize(("seconds", "reads"), [(0, 0), (600, 1)])
def test_a_fragment_cached_for_no_time_skips_the_cache(monkeypatch, seconds, reads):
    looked_up = []
    get = cache.get
    monkeypatch.setattr(cache, "get", lambda key, *a: looked_up.append(key) or get(key, *a))
    fragment = engines["django"].from_string(
        "{% load fragment_cache %}{% cache seconds footer lang %}<p>{{ lang }}</p>{% endcache %}"
    )
    assert fragment.render({"seconds": seconds, "lang": "pt"}) == "<p>pt</p>"
    assert len(looked_up) == reads
    cache.clear()


@pytest.mark.django_db
def test_the_menu_and_link_blocks_compute_an_address_once(homes, monkeypatch, request_):
    from wagtail.models import Page

    from core.blocks import PageLinkBlock

    addresses = []
    parts = Page.get_url_parts  # what page.url and {% pageurl %} compute an address with

    def get_url_parts(page, *args, **kwargs):
        addresses.append(page.pk)
        return parts(page, *args, **kwargs)

    monkeypatch.setattr(Page, "get_url_parts", get_url_parts)
    with translation.override("pt"):
        link = PageLinkBlock().to_python({"page": homes["pt"].pk, "label": ""})
        html = (
            engines["django"]
            .from_string("{% load wagtailcore_tags %}{% include_block link %}")
            .render({"link": link})
        )
        assert 'href="/pt/"' in html and addresses == [homes["pt"].pk]  # asked twice, computed once
        addresses.clear()
        request_.path = "/pt/"
        menu = engines["django"].from_string("{% load navigation_tags %}{% main_nav %}")
        html = menu.render({"page": homes["pt"]}, request_)
    assert 'aria-current="page"' in html
    assert addresses.count(homes["pt"].pk) == 1  # the home link's href and the current-page test
