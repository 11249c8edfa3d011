from django.conf import settings
from django.core.cache import cache

from wagtail.models import Locale, Page, Site

import pytest

from tests.mail_server import LoopbackSMTP, free_port, send_mail_to
from tests.portal.factories import HomePageFactory
from tests.shared_content import (
    close_after_last_sharing_test,
    group_content_tests,
    load_content,
    shared_content_block,
    shares_content,
)

__all__ = ["shared_content_block"]  # a fixture: pytest finds it here


@pytest.hookimpl(trylast=True)  # after pytest-django has put the database tests first
def pytest_collection_modifyitems(config, items):
    group_content_tests(config, items)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        close_after_last_sharing_test(item, nextitem)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rate-limit counters and cached terms do not leak."""
    cache.clear()


@pytest.fixture
def portal_content(request, shared_content_block, db):
    """The real content of fixtures/, as `make run` loads it (once a run: tests/shared_content)."""
    if shared_content_block.is_open and shares_content(request.node):
        return shared_content_block.report
    return load_content()


@pytest.fixture
def staff_client(client, django_user_model):
    """A client signed in as the superuser "staff"."""
    client.force_login(django_user_model.objects.create_superuser("staff", "s@example.pt", "pw"))
    return client


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get(language_code=code) for code, _ in settings.LANGUAGES}


@pytest.fixture
def homes(locales):
    """A Portuguese home page as the site root and its English translation."""
    root = Page.get_first_root_node()
    welcome = root.get_children().get()  # Wagtail's placeholder, replaced as `make run` does
    home_pt = HomePageFactory(parent=root, slug="inicio", title="Início", locale=locales["pt"])
    Site.objects.update(root_page=home_pt)
    welcome.delete()
    home_en = HomePageFactory(
        parent=root,
        slug="home",
        title="Home",
        locale=locales["en"],
        translation_key=home_pt.translation_key,
    )
    return {"pt": home_pt, "en": home_en}


@pytest.fixture
def translated_pair(homes):
    """Builds a page under the Portuguese home and its translation under the English one."""

    def build(factory, slug, **kwargs):
        pt = factory(parent=homes["pt"], locale=homes["pt"].locale, slug=f"{slug}-pt", **kwargs)
        en = factory(
            parent=homes["en"],
            locale=homes["en"].locale,
            slug=f"{slug}-en",
            translation_key=pt.translation_key,
            **kwargs,
        )
        return {"pt": pt, "en": en}

    return build


@pytest.fixture
def smtp(settings):
    """A real SMTP server on loopback, down until `smtp.start()`; mail reaches it by a task."""
    server = LoopbackSMTP(free_port())
    send_mail_to(server, settings)
    yield server
    server.stop()
