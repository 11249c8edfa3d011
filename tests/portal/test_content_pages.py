"""Every page of the portal's content, in both languages."""

from django.conf import settings

from wagtail.models import Page

import pytest

from tests.html import read_page

OTHER = {"pt": "en", "en": "pt"}


def live_pages():
    return Page.objects.live().filter(depth__gt=1).select_related("locale").order_by("path")


@pytest.mark.django_db
def test_content_has_every_page_in_both_languages(portal_content):
    by_language = {}
    for page in live_pages():
        by_language.setdefault(page.locale.language_code, set()).add(page.translation_key)
    assert by_language["pt"] == by_language["en"]
    assert len(by_language["pt"]) == len(
        list((settings.BASE_DIR / "fixtures" / "pages").glob("*.toml"))
    )


@pytest.mark.django_db
def test_every_page_answers_in_its_language_with_a_working_switcher(client, portal_content):
    pages = list(live_pages())
    for page in pages:
        code = page.locale.language_code
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        parts = read_page(response)
        assert parts.lang == code
        assert parts.h1 == page.title
        other = OTHER[code]
        translation = page.get_translations().live().get()
        assert parts.switcher[other] == translation.url
        assert parts.alternates[other].endswith(translation.url)
        assert parts.alternates["x-default"].endswith(page.url if code == "pt" else translation.url)
        followed = client.get(parts.switcher[other])
        assert followed.status_code == 200
        assert read_page(followed).lang == other


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/pt/", "Compras Públicas de Inovação"),
        ("/en/", "Public Procurement of Innovation"),
        ("/pt/procure-i/", "cinco tipos de ação"),
        ("/en/procure-i/", "five types of action"),
        ("/pt/procure-i/parceria-ani-impic/", "Instituto dos Mercados Públicos"),
        ("/en/procure-i/ani-impic-partnership/", "Institute of Public Markets"),
    ],
)
def test_seed_content_is_rendered(client, portal_content, path, expected):
    response = client.get(path)
    assert response.status_code == 200
    assert expected.lower() in response.content.decode().lower()


@pytest.mark.django_db
def test_seed_slips_are_cleaned(client, portal_content):
    for page in live_pages():
        html = client.get(page.url).content.decode()
        assert "Search+i" not in html
        assert "IPC" not in html
    assert "(PPI)" in client.get("/en/public-procurement-of-innovation/").content.decode()
    assert "(CPI)" in client.get("/pt/compras-publicas-de-inovacao/").content.decode()


@pytest.mark.django_db
def test_main_navigation_follows_the_active_language(client, portal_content):
    pt = client.get("/pt/").content.decode()
    en = client.get("/en/").content.decode()
    assert 'href="/pt/compras-publicas-de-inovacao/"' in pt
    assert 'href="/en/public-procurement-of-innovation/"' in en
    assert "/en/" not in pt.split('class="main-nav"')[1].split("</nav>")[0]


@pytest.mark.django_db
def test_breadcrumbs_lead_back_to_the_home_page(client, portal_content):
    html = client.get("/en/procure-i/ani-impic-partnership/").content.decode()
    crumbs = html.split('class="breadcrumbs')[1].split("</nav>")[0]
    assert 'href="/en/"' in crumbs
    assert 'href="/en/procure-i/"' in crumbs
    assert 'aria-current="page">The ANI–IMPIC partnership<' in crumbs


@pytest.mark.django_db
def test_footer_names_the_initiative_and_the_cofunding(client, portal_content):
    for path in ("/pt/", "/en/"):
        footer = client.get(path).content.decode().split('class="site-footer"')[1]
        for name in ("ANI", "IMPIC", "COMPETE 2020"):
            assert name in footer
