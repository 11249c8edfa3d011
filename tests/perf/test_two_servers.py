"""Two app servers, one database, one Redis: an edit through one is what the other serves."""

import http.cookiejar
import re
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest

from tests.redis_server import REDIS_URL, redis_or_skip
from tools.site_server import prepared_site, serving

HOST = {"Host": "localhost"}  # one site name for both, as behind a load balancer
PASSWORD = "two-servers-test-password"


class Browser:
    """Cookies and CSRF tokens, as a signed-in editor's browser keeps them."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path):
        try:
            request = urllib.request.Request(self.base_url + path, headers=HOST)
            with self.opener.open(request) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()

    def post_form(self, path, fields):
        _status, _headers, html = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        data = urlencode({**fields, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(self.base_url + path, data=data, headers=HOST)
        with self.opener.open(request) as response:
            return response.status


def page_id(base_url, slug):
    status, _headers, body = Browser(base_url).get(f"/api/v2/pages/?slug={slug}&locale=pt")
    return int(re.search(r'"id":\s*(\d+)', body).group(1))


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory):
    redis = redis_or_skip()
    env = {
        "REDIS_URL": REDIS_URL,
        "PAGE_CACHE_SECONDS": "600",
        "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
        "TEST_WAGTAILADMIN_BASE_URL": "http://localhost",  # the warm-up renders what visitors ask
    }
    setup = [["ensure_admin"]]
    tmp = tmp_path_factory.mktemp("two-servers")
    with (
        prepared_site(tmp, extra_commands=setup, extra_env=env, from_base=True) as site_env,
        serving(site_env) as first,
        serving(site_env) as second,
    ):
        yield first, second, redis


def test_cached_pages_are_shared_and_an_edit_through_one_reaches_the_other(two_servers):
    first, second, _redis = two_servers
    visitor_one, visitor_two = Browser(first), Browser(second)
    path = "/pt/privacidade/"
    assert visitor_one.get(path)[1]["X-Page-Cache"] == "miss"
    status, headers, _html = visitor_two.get(path)
    assert (status, headers["X-Page-Cache"]) == (200, "hit")  # filled by the other server

    editor = Browser(first)
    editor.post_form("/admin/login/", {"username": "admin", "password": PASSWORD})
    editor.post_form(f"/admin/pages/{page_id(first, 'privacidade')}/unpublish/", {})

    assert visitor_two.get(path)[0] == 404
    assert visitor_two.get("/pt/")[1]["X-Page-Cache"] == "hit"  # warmed by the first server


def test_after_redis_is_flushed_both_serve_the_current_version(two_servers):
    """The version's copy in Redis is gone: it is read from the database again, and kept."""
    first, second, redis = two_servers
    visitor_one, visitor_two = Browser(first), Browser(second)
    path = "/pt/acessibilidade/"
    visitor_one.get(path)
    assert visitor_two.get(path)[1]["X-Page-Cache"] == "hit"

    redis.flushdb()  # a restart without persistence
    assert visitor_two.get(path)[1]["X-Page-Cache"] == "miss"
    editor = Browser(first)
    editor.post_form("/admin/login/", {"username": "admin", "password": PASSWORD})
    editor.post_form(f"/admin/pages/{page_id(first, 'acessibilidade')}/unpublish/", {})
    assert visitor_two.get(path)[0] == 404
    assert visitor_one.get(path)[0] == 404
