"""Required for moderators under the production settings; off in development unless asked."""

import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from accounts.checks import two_factor_setting
from tests.test_settings import SAMPLE

# Reading the setting loads the settings module alone, as a start does first; no app is loaded.
SHOW = "from django.conf import settings as s; print(s.TWO_FACTOR_REQUIRED_FOR)"


def required_for(module, **env):
    environment = {k: v for k, v in os.environ.items() if k != "TWO_FACTOR_REQUIRED_FOR"}
    environment.update(SAMPLE, DJANGO_SETTINGS_MODULE=f"procureplus.settings.{module}", **env)
    result = subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("module", "env", "expected"),
    [
        ("production", {}, "moderators"),
        ("production", {"TWO_FACTOR_REQUIRED_FOR": "everyone"}, "everyone"),
        ("production", {"TWO_FACTOR_REQUIRED_FOR": ""}, "moderators"),
        ("dev", {}, "nobody"),
        ("dev", {"TWO_FACTOR_REQUIRED_FOR": "moderators"}, "moderators"),
        ("test", {"TWO_FACTOR_REQUIRED_FOR": "everyone"}, "nobody"),
    ],
)
def test_who_must_use_two_factor_by_settings_module(module, env, expected):
    assert required_for(module, **env) == expected


def test_an_unknown_value_stops_the_start(settings):
    settings.TWO_FACTOR_REQUIRED_FOR = "moderator"
    assert [error.id for error in two_factor_setting(None)] == ["accounts.E001"]
    settings.TWO_FACTOR_REQUIRED_FOR = "everyone"
    assert two_factor_setting(None) == []


def test_unknown_value_fails_manage_py_check(settings):
    settings.TWO_FACTOR_REQUIRED_FOR = "yes"
    with pytest.raises(CommandError):
        call_command("check")
