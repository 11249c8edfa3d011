"""Editors put a page or a document first for a query in a language: moderated, live only, never
something a visitor may not see, and not listed twice."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail.users.models import UserProfile

import pytest

from search.promotions import SearchPromotion
from tests.documents.factories import LibraryDocumentFactory
from tests.portal.factories import ContentPageFactory
from tests.search.test_search import SEARCH, pages  # noqa: F401 (a fixture)

LABEL = {"pt": "Recomendado", "en": "Recommended"}


def promote(query, language, live=True, **target):
    promotion = SearchPromotion(query=query, language=language, live=live, **target)
    promotion.full_clean()
    promotion.save()
    revision = promotion.save_revision()
    if live:
        revision.publish()
    return promotion


def search_page(client, code, query, **params):
    response = client.get(SEARCH[code], {"q": query, **params})
    assert response.status_code == 200
    return response


@pytest.fixture
def guide(homes):
    """A page in each language that the query "ppi" does not find by itself."""
    made = {}
    for code, title in (("pt", "Guia do comprador"), ("en", "Guide for buyers")):
        made[code] = ContentPageFactory(
            parent=homes[code], locale=homes[code].locale, title=title, slug=f"guia-{code}"
        )
        made[code].save_revision().publish()
    return made


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_a_live_promotion_comes_first_labelled_in_its_language_only(client, guide, code):
    promote("  PPI ", code, page=guide[code])
    response = search_page(client, code, "ppi")
    html = response.content.decode().split('class="result-count"')[1]  # the results alone
    assert [item["title"] for item in response.context["promoted"]] == [guide[code].title]
    assert LABEL[code] in html and html.index(LABEL[code]) < html.index(guide[code].title)
    assert f'href="{guide[code].url}"' in html
    assert response.context["found"] == 1  # promoted only: not "nothing was found"
    other = "en" if code == "pt" else "pt"
    assert search_page(client, other, "ppi").context["promoted"] == []


@pytest.mark.django_db
def test_a_promoted_page_is_not_listed_again_below(client, pages):  # noqa: F811
    promote("Innovation partnership", "en", page=pages["en"])
    response = search_page(client, "en", "innovation partnership")
    assert [item["title"] for item in response.context["promoted"]] == ["Innovation partnership"]
    assert "Innovation partnership" not in [e.title for e in response.context["results"]]
    assert (
        response.content.decode().count('class="doc-card__title"')
        == len(response.context["results"]) + 1
    )


@pytest.mark.django_db
def test_a_draft_promotion_waits_for_publishing(client, guide):
    promotion = promote("ppi", "pt", live=False, page=guide["pt"])
    assert search_page(client, "pt", "ppi").context["promoted"] == []
    promotion.latest_revision.publish()
    assert len(search_page(client, "pt", "ppi").context["promoted"]) == 1


@pytest.mark.django_db
def test_an_unpublished_or_restricted_page_is_never_shown(client, guide):
    promote("ppi", "pt", page=guide["pt"])
    promote("ppi", "en", page=guide["en"])
    guide["pt"].unpublish()
    PageViewRestriction.objects.create(page=guide["en"], restriction_type=PageViewRestriction.LOGIN)
    for code in ("pt", "en"):
        response = search_page(client, code, "ppi")
        assert response.context["promoted"] == [] and LABEL[code] not in response.content.decode()


@pytest.mark.django_db
def test_documents_are_promoted_unless_their_collection_is_restricted(client, homes):
    public = LibraryDocumentFactory(title_pt="Estudo de mercado", title_en="Market study")
    internal = Collection.get_first_root_node().add_child(name="Interno")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.LOGIN
    )
    hidden = LibraryDocumentFactory(title_pt="Nota interna", collection=internal)
    promote("estudo", "pt", document=public)
    promote("estudo", "pt", document=hidden)
    promote("study", "en", document=public)
    pt = search_page(client, "pt", "estudo").context["promoted"]
    en = search_page(client, "en", "study").context["promoted"]
    assert [item["title"] for item in pt] == ["Estudo de mercado"]
    assert [item["title"] for item in en] == ["Market study"]
    assert pt[0]["url"] == public.url


@pytest.mark.django_db
def test_no_promotion_under_a_type_filter_or_on_later_pages(client, guide):
    promote("ppi", "pt", page=guide["pt"])
    assert search_page(client, "pt", "ppi", type="document").context["promoted"] == []
    assert search_page(client, "pt", "ppi", page="9").context["promoted"]  # the only page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, target, field",
    [
        ("\x00  ", "page", "query"),
        ("ppi", "both", "__all__"),
        ("ppi", "none", "__all__"),
        ("ppi", "other language", "page"),
    ],
)
def test_bad_promotions_are_refused_with_the_reason(guide, query, target, field):
    targets = {
        "page": {"page": guide["pt"]},
        "both": {"page": guide["pt"], "document": LibraryDocumentFactory()},
        "none": {},
        "other language": {"page": guide["en"]},
    }
    with pytest.raises(ValidationError) as error:
        SearchPromotion(query=query, language="pt", **targets[target]).full_clean()
    assert field in error.value.message_dict


@pytest.fixture
def member(django_user_model):
    def create(group_name, language):
        user = django_user_model.objects.create_user(f"{group_name}-{language}", password="pw")
        user.groups.add(Group.objects.get(name=group_name))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        return user

    return create


@pytest.mark.django_db
@pytest.mark.parametrize(
    "code, title", [("pt", "Resultados de pesquisa promovidos"), ("en", "Promoted search results")]
)
def test_editors_submit_and_moderators_publish_in_their_language(
    client, member, guide, code, title
):
    promotion = promote("ppi", code, live=False, page=guide[code])
    assert promotion.get_workflow().name == "Moderation"
    url = f"/admin/snippets/search/searchpromotion/edit/{promotion.pk}/"
    client.force_login(member("Editors", code))
    listing = client.get("/admin/snippets/search/searchpromotion/").content.decode()
    assert title in listing and "ppi" in listing
    html = client.get(url).content.decode()
    assert 'name="action-submit"' in html and 'name="action-publish"' not in html
    client.force_login(member("Moderators", code))
    assert 'name="action-publish"' in client.get(url).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "code, message",
    [
        ("pt", "Escolha uma página ou um documento, não ambos."),
        ("en", "Choose either a page or a document, not both."),
    ],
)
def test_the_admin_form_refuses_a_promotion_without_a_target(client, member, homes, code, message):
    client.force_login(member("Editors", code))
    data = {"query": "\x00", "language": code, "sort_order": "0", "page": "", "document": ""}
    response = client.post("/admin/snippets/search/searchpromotion/add/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SearchPromotion.objects.exists()
    data.update(query="  PPI  ", page=str(homes[code].pk))
    response = client.post("/admin/snippets/search/searchpromotion/add/", data)
    assert response.status_code == 302
    promotion = SearchPromotion.objects.get()
    assert (promotion.query, promotion.live) == ("ppi", False)  # an editor's draft
