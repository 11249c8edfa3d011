"""The site a request is served from (core/routing.py site_for, a prepared queryset) is the one
Wagtail's own lookup picks, for every mix of host names, ports and default site."""

from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

import pytest

from core.routing import site_for

HOSTS = ("procureplus.pt", "www.procureplus.pt", "other.example", "127.0.0.1")
PORTS = (80, 443, 8000)
# Each layout: (hostname, port, is_default_site) per site, besides the one the tests start with.
LAYOUTS = {
    "one default": [],
    "host and port": [("procureplus.pt", 443, False)],
    "host on two ports": [("procureplus.pt", 443, False), ("procureplus.pt", 8000, False)],
    "host is the default": [("www.procureplus.pt", 80, False)],
    "two names": [("procureplus.pt", 80, False), ("www.procureplus.pt", 80, False)],
}


def wagtails(hostname, port):
    try:
        return get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None


@pytest.mark.django_db
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("default_host", ["procureplus.pt", "localhost", None])
def test_the_site_is_wagtails(layout, default_host):
    root = Page.get_first_root_node()
    if default_host is None:
        Site.objects.update(is_default_site=False)
    else:
        Site.objects.update(hostname=default_host, port=80, is_default_site=True)
    for hostname, port, is_default in LAYOUTS[layout]:
        Site.objects.get_or_create(
            hostname=hostname,
            port=port,
            defaults={"root_page": root, "is_default_site": is_default},
        )
    for hostname in HOSTS:
        for port in (*PORTS, None):
            expected = wagtails(hostname, port)
            found = site_for(hostname, port)
            assert found == expected, (layout, default_host, hostname, port)
            if found is not None:  # the root page read with the site, no query more
                assert found._state.fields_cache["root_page"] == expected.root_page
