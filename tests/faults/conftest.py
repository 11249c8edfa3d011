"""One prepared production site (gunicorn's environment) and its Redis for the whole package:
preparing a site costs tens of seconds, and each module serves it as its faults require."""

import pytest

from tests.redis_server import RedisProcess
from tools.site_server import prepared_site


@pytest.fixture(scope="package")
def site_redis(tmp_path_factory):
    server = RedisProcess(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.stop()


@pytest.fixture(scope="package")
def production_site(tmp_path_factory, site_redis):
    """A prepared site's environment (production settings, collected static files)."""
    tmp = tmp_path_factory.mktemp("faults-site")
    with prepared_site(
        tmp, production=True, extra_env={"REDIS_URL": site_redis.url}, from_base=True
    ) as env:
        yield env
