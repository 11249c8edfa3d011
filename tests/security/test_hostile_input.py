"""Hostile requests (Hypothesis) to every public URL pattern: never a 5xx, never a reflection."""

from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = 70  # per pattern; 21 patterns make 1,470 requests per database

ATTACKS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR '1'='1",
    "1; DROP TABLE wagtailcore_page; --",
    "\x00",
    "%00",
    "../../etc/passwd",
    "-1",
    "0",
    "99999999999999999999999",
    "1e9",
    "NaN",
    "0x10",
    "\u202e\u0645\u0631\u062d\u0628\u0627",
    "😀" * 50,
    "a" * 5000,
    "{{ settings.SECRET_KEY }}",
    "${jndi:ldap://x}",
]
VALUES = st.one_of(
    st.sampled_from(ATTACKS),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=300),
    st.binary(max_size=64).map(lambda raw: raw.decode("latin-1")),
)
METHODS = st.sampled_from(["GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"])
FILTERS = ("q", "page", "category", "language", "year", "sort", "procedure", "sector", "type")
FILTERS += ("rd", "market", "spec", "scale", "consulted", "contract", "value", "step", "t")

# `{}` takes a value as a path segment, `?` marks a pattern whose filters take the value.
PATTERNS = [
    "/pt/?",
    "/en/{}/",
    "/pt/biblioteca/?",
    "/pt/biblioteca/csv/?",
    "/en/library/{}/{}/",
    "/pt/webinars/{}/",
    "/en/webinars/{}/calendar/",
    "/pt/casos-de-estudo/?",
    "/en/case-studies/csv/?",
    "/pt/pesquisa/?",
    "/en/search/suggest/?",
    "/pt/feeds/{}/",
    "/api/v2/pages/?",
    "/api/v2/documents/{}/",
    "/documents/{}/{}",
    "/pt/perguntas-frequentes/?",
    "/pt/escolher-procedimento/?",
    "/en/ask-procure-i/?",
    "/pt/newsletter/confirm/?",
    "/en/newsletter/unsubscribe/?",
    "/{}/{}/{}/{}/",
]


def build_url(pattern, value):
    if pattern.endswith("?"):
        return pattern[:-1] + "?" + urlencode({name: value for name in FILTERS})
    return pattern.format(*[quote(value, safe="")] * pattern.count("{}"))


def send(client, method, url):
    return client.generic(method, url)


@pytest.mark.django_db
@pytest.mark.parametrize("pattern", PATTERNS)
def test_hostile_requests_never_break_the_portal(client, portal_content, pattern):
    sent = []

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(value=VALUES, method=METHODS)
    def hostile_request(value, method):
        response = send(client, method, build_url(pattern, value))
        sent.append(method)
        assert response.status_code < 500, (method, pattern, value)
        if "<" in value and response.get("Content-Type", "").startswith("text/html"):
            assert value not in response.content.decode(errors="replace"), "reflected unescaped"

    hostile_request()
    assert len(sent) >= EXAMPLES
