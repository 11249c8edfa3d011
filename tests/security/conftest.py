import pytest

from tests.security.visibility_site import build_site, index_everything, restrict


@pytest.fixture(params=["login", "password"])
def restriction_kind(request):
    return request.param


@pytest.fixture
def visibility_site(homes, translated_pair, restriction_kind):
    """The site, with the secret document's parent collection restricted, all indexed."""
    site = build_site(homes, translated_pair)
    site["restriction"] = restrict(restriction_kind, collection=site["private"])
    index_everything()
    return site
