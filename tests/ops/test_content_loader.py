"""`make run` loads the content: once, and never over what staff have edited."""

import io

from django.conf import settings
from django.core.management import call_command

from wagtail.models import Page, Site

import pytest

from ops.content_loader import ContentLoader
from portal.models import Agreement, HomePage, Organisation


def counts():
    return (Page.objects.count(), Organisation.objects.count(), Agreement.objects.count())


@pytest.mark.django_db
def test_loading_twice_adds_nothing(portal_content):
    before = counts()
    report = ContentLoader(settings.BASE_DIR / "fixtures").load()
    assert report.created == []
    assert counts() == before


@pytest.mark.django_db
def test_home_page_becomes_the_site_root(portal_content):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.locale.language_code == "pt"
    # Wagtail's placeholder welcome page is gone.
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()


@pytest.mark.django_db
def test_staff_edits_survive_a_reload(portal_content):
    page = Page.objects.get(url_path="/inicio/procure-i/").specific
    page.title = "Procure+i (editado)"
    page.intro = "Texto revisto pela equipa."
    page.save_revision().publish()
    org = Organisation.objects.get(acronym="ANI")
    org.description_en = "Edited by staff."
    org.save()

    call_command("load_portal_content", stdout=io.StringIO())

    page.refresh_from_db()
    org.refresh_from_db()
    assert page.title == "Procure+i (editado)"
    assert page.intro == "Texto revisto pela equipa."
    assert org.description_en == "Edited by staff."


@pytest.mark.django_db
def test_page_moved_or_renamed_by_staff_is_not_recreated(portal_content):
    page = Page.objects.get(url_path="/home/procure-i/ani-impic-partnership/")
    page.slug = "partners"
    page.save()
    before = counts()
    ContentLoader(settings.BASE_DIR / "fixtures").load()
    assert counts() == before


@pytest.mark.django_db
def test_pages_are_published_with_a_revision(portal_content):
    for page in Page.objects.filter(depth__gt=1):
        assert page.live
        assert page.latest_revision_id is not None


@pytest.mark.django_db
def test_organisations_and_protocol_in_both_languages(portal_content):
    ani = Organisation.objects.get(acronym="ANI")
    assert ani.name_pt == "Agência Nacional de Inovação"
    assert ani.name_en
    protocol = Agreement.objects.get(slug="ani-impic-protocol-2018")
    assert protocol.signed_on.isoformat() == "2018-12-04"
    assert set(protocol.parties.values_list("acronym", flat=True)) == {"ANI", "IMPIC"}
    assert protocol.title_pt and protocol.title_en
