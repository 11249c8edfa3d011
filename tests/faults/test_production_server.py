"""From outside: gunicorn with the production settings (tools/site_server.py), its Redis
stopped mid-run and started again, Redis refused, and its database unreachable."""

import re
import time
import urllib.error
import urllib.request

import pytest

from tools.site_server import serving

HOST = {"Host": "localhost"}
HEADINGS = {
    "pt": "O portal está temporariamente indisponível",
    "en": "The portal is temporarily unavailable",
}
UNREACHABLE_DATABASES = {
    "PostgreSQL": "postgres://postgres@127.0.0.1:1/procureplus",  # nothing listens on port 1
    "SQLite": "sqlite:////nonexistent-folder/procureplus.sqlite3",
}


def get(base_url, path):
    request = urllib.request.Request(base_url + path, headers=HOST)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def html_lang(html):
    return re.search(r'<html lang="([^"]+)"', html).group(1)


@pytest.fixture(scope="module")
def server(production_site):
    with serving(production_site, production=True) as base_url:
        yield base_url


def test_redis_stopped_mid_run_pages_answer_then_caching_resumes(server, site_redis):
    assert get(server, "/pt/")[0] == 200
    assert get(server, "/pt/")[1]["X-Page-Cache"] == "hit"

    site_redis.stop()
    for path in ("/pt/", "/en/", "/pt/privacidade/", "/en/search/?q=innovation"):
        started = time.monotonic()
        status, headers, html = get(server, path)
        assert status == 200, path
        assert headers.get("X-Page-Cache") in (None, "miss")
        assert time.monotonic() - started < 5  # short time-outs: no stall
    assert get(server, "/healthz")[0] == 200
    status, _headers, body = get(server, "/readyz")
    assert status == 200 and '"degraded"' in body and '"cache"' in body

    site_redis.start()  # empty, as after a restart without persistence
    deadline = time.monotonic() + 15  # each worker tries Redis again 5 s after its last failure
    while time.monotonic() < deadline:
        if get(server, "/en/")[1].get("X-Page-Cache") == "hit":
            break
        time.sleep(0.5)
    else:
        pytest.fail("the page cache was not used again after Redis came back")
    assert get(server, "/readyz")[0] == 200


def test_redis_refused_from_the_start(production_site):
    with serving(
        {**production_site, "REDIS_URL": "redis://127.0.0.1:1/0"}, production=True
    ) as base_url:
        for path in ("/pt/", "/en/", "/pt/privacidade/"):
            assert get(base_url, path)[0] == 200
        status, _headers, body = get(base_url, "/readyz")
        assert status == 200 and '"failing": ["cache"]' in body


@pytest.mark.parametrize("engine", UNREACHABLE_DATABASES)
def test_database_unreachable_503_in_the_address_language(production_site, engine):
    env = {**production_site, "DATABASE_URL": UNREACHABLE_DATABASES[engine], "REDIS_URL": ""}
    with serving(env, production=True, ready_path="/healthz") as base_url:
        for language in ("en", "pt", "en"):  # a worker's previous language never leaks
            status, headers, html = get(base_url, f"/{language}/")
            assert status == 503
            assert int(headers["Retry-After"]) > 0
            assert html_lang(html) == language
            assert HEADINGS[language] in html
        assert get(base_url, "/healthz")[0] == 200
        status, _headers, body = get(base_url, "/readyz")
        assert status == 503 and '"failing": ["database"]' in body
