"""The tools as `make run` loads them: both languages, home links, real anchors, rerunnable."""

import re

from django.conf import settings

import pytest

from buyers import chooser
from buyers.models import NewsletterPage, ProcedureChooserPage, SupportRequestPage
from ops.content_loader import ContentLoader

CHOOSER = {"pt": "/pt/escolher-procedimento/", "en": "/en/choose-a-procedure/"}
SUPPORT = {"pt": "/pt/pedir-apoio/", "en": "/en/ask-procure-i/"}
PLATFORM = {"pt": 'href="https://plataformacpi.pt/"', "en": 'href="https://plataformacpi.pt/en/"'}


@pytest.mark.django_db
def test_each_tool_exists_once_per_language_and_a_rerun_adds_nothing(portal_content):
    for model in (ProcedureChooserPage, SupportRequestPage, NewsletterPage):
        assert sorted(model.objects.values_list("locale__language_code", flat=True)) == [
            "en",
            "pt",
        ]
    assert ContentLoader(settings.BASE_DIR / "fixtures").load().created == []


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_home_page_leads_to_the_tools_and_the_challenges_platform(client, portal_content, code):
    html = client.get(f"/{code}/").content.decode()
    assert f'href="{CHOOSER[code]}"' in html and f'href="{SUPPORT[code]}"' in html
    assert PLATFORM[code] in html


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_support_form_has_the_fields_the_centre_needs_and_its_privacy_link(
    client, portal_content, code
):
    page = SupportRequestPage.objects.get(locale__language_code=code)
    assert [field.field_type for field in page.get_form_fields()] == [
        "singleline", "singleline", "email", "dropdown", "dropdown", "multiline",
    ]  # fmt: skip
    html = client.get(SUPPORT[code]).content.decode()
    privacy = {"pt": "/pt/privacidade/", "en": "/en/privacy/"}[code]
    assert f'href="{privacy}"' in html


CONTRACT = {"contract": "goods", "value": "150000"}
ALL_PATHS = [
    {"rd": "yes", "scale": scale, "consulted": "no", **CONTRACT} for scale in ("yes", "no")
] + [
    {"rd": "no", "market": market, "spec": spec, "consulted": "no", **CONTRACT}
    for market in ("yes", "no")
    for spec in ("yes", "no")
]


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_every_recommendation_has_its_text_and_links_that_land_on_real_anchors(
    client, portal_content, code
):
    seen = set()
    for answers in ALL_PATHS:
        query = "&".join(f"{k}={v}" for k, v in answers.items())
        html = client.get(f"{CHOOSER[code]}?{query}").content.decode()
        sections = re.findall(r'<section class="recommendation"[^>]*>(.*?)</section>', html, re.S)
        # The market consultation, then the procedure or procedures of the path.
        assert len(sections) == len(chooser.recommend(answers)), query
        for section in sections:
            assert section.count("<h4>") >= 3  # legal basis, advantages, drawbacks
            seen.update(re.findall(r'<li><a href="([^"]+)"', section))
        assert PLATFORM[code] in html
    assert any("#" in link for link in seen)
    for link in seen:
        address, _, anchor = link.partition("#")
        target = client.get(address)
        assert target.status_code == 200, link
        if anchor:
            assert f'id="{anchor}"' in target.content.decode(), link


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["pt", "en"])
def test_matching_case_study_shows_similar_cases(client, portal_content, code):
    path = {"pt": "/pt/casos-de-estudo/mertola/", "en": "/en/case-studies/mertola/"}[code]
    html = client.get(path).content.decode()
    heading = {"pt": "Casos semelhantes", "en": "Similar cases"}[code]
    assert heading in html


@pytest.mark.django_db
def test_editors_open_each_tool_in_the_admin(portal_content, staff_client):
    for model in (ProcedureChooserPage, SupportRequestPage, NewsletterPage):
        for page in model.objects.all():
            response = staff_client.get(f"/admin/pages/{page.pk}/edit/")
            assert response.status_code == 200, (model, page.locale)
    assert staff_client.get("/admin/snippets/buyers/subscriber/").status_code == 200
