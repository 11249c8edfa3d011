"""Every cache key starts with the deploy version, so nothing cached outlives a deploy."""

from django.core.cache import cache

import pytest

from procureplus.settings import env
from procureplus.settings.env import cache_backend, deploy_version
from tests.portal.factories import ContentPageFactory
from tests.redis_server import REDIS_URL, redis_or_skip

HEADER = "X-Page-Cache"


def test_the_release_the_deploy_sets_comes_first(monkeypatch):
    monkeypatch.setattr(env, "git_commit", lambda: "0123456789ab")
    assert deploy_version({"RELEASE": "2026.12.1", "APP_VERSION": "abc"}) == "2026.12.1"
    assert deploy_version({"APP_VERSION": "abc"}) == "abc"
    assert deploy_version({}) == "0123456789ab"
    monkeypatch.setattr(env, "git_commit", lambda: "")
    assert deploy_version({}) == env.package_version() != ""


def test_a_version_is_made_safe_and_short_for_any_cache_key():
    assert deploy_version({"RELEASE": "v1.2 beta/3:x"}) == "v1.2-beta-3-x"
    assert len(deploy_version({"RELEASE": "x" * 100})) == 40


def test_a_checkout_gives_its_commit():
    commit = env.git_commit()
    assert len(commit) == 12 and int(commit, 16) >= 0


@pytest.mark.parametrize("redis_url", ["", REDIS_URL])
def test_both_backends_carry_the_version(redis_url):
    assert cache_backend(redis_url, key_prefix="r42")["KEY_PREFIX"] == "r42"
    assert cache_backend(redis_url)["KEY_PREFIX"] == deploy_version()


def served_twice_across_a_deploy(client, settings, page, backend):
    settings.PAGE_CACHE_SECONDS = 600
    settings.FRAGMENT_CACHE_SECONDS = 600
    settings.CACHES = {"default": backend("release-1")}
    assert client.get(page.url)[HEADER] == "miss"
    assert client.get(page.url)[HEADER] == "hit"
    settings.CACHES = {"default": backend("release-2")}  # the same store, the next release
    return client.get(page.url)[HEADER]


@pytest.mark.django_db
def test_no_cached_page_survives_a_deploy_in_process_memory(client, settings, homes):
    page = ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale)
    backend = lambda release: cache_backend("", key_prefix=release)  # noqa: E731
    assert served_twice_across_a_deploy(client, settings, page, backend) == "miss"


@pytest.mark.django_db
def test_no_cached_page_survives_a_deploy_in_redis(client, settings, homes):
    redis = redis_or_skip()
    page = ContentPageFactory(parent=homes["pt"], locale=homes["pt"].locale)
    backend = lambda release: cache_backend(REDIS_URL, key_prefix=release)  # noqa: E731
    try:
        assert served_twice_across_a_deploy(client, settings, page, backend) == "miss"
        # Both releases read the one content version (a number, not a pickle) in a rolling deploy.
        assert redis.exists("procureplus:content_version")
        assert all(key.startswith((b"release-", b"procureplus:")) for key in redis.scan_iter())
    finally:
        cache.clear()
        redis.flushdb()
