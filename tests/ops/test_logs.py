"""Request ids, JSON log lines for the portal and gunicorn, and Sentry's scrubbing."""

import io
import json
import logging
from unittest import mock

import pytest

from core.log_format import JsonFormatter
from core.request_id import RequestContextFilter
from ops.error_reporting import init_sentry, scrub_event
from procureplus.settings.log_config import django_logging, gunicorn_logging
from tests.ops.python_process import run_python


@pytest.fixture
def json_lines():
    """The root logger writes JSON lines into a buffer for the test."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestContextFilter())
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)
    root.setLevel(old_level)


@pytest.mark.django_db
def test_a_safe_request_id_is_kept_and_returned(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="abc-123.DEF_4")
    assert response["X-Request-ID"] == "abc-123.DEF_4"


@pytest.mark.django_db
@pytest.mark.parametrize("given", ["", "a" * 65, "evil\nline", "<script>", "a b", "ção"])
def test_an_unsafe_or_missing_id_is_replaced(client, given):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=given)
    made = response["X-Request-ID"]
    assert made != given
    assert len(made) == 32 and made.isalnum()


@pytest.mark.django_db
def test_each_request_gets_its_own_id(client):
    assert client.get("/healthz")["X-Request-ID"] != client.get("/healthz")["X-Request-ID"]


@pytest.mark.django_db
def test_log_lines_carry_request_id_path_status_and_duration(client, json_lines):
    client.get("/readyz", HTTP_X_REQUEST_ID="req-42")
    request_line = next(line for line in json_lines() if line["logger"] == "portal.request")
    assert request_line["request_id"] == "req-42"
    assert request_line["path"] == "/readyz"
    assert request_line["status"] == 200
    assert request_line["duration_ms"] >= 0
    assert request_line["level"] == "INFO"
    assert request_line["time"].endswith("+00:00")
    assert request_line["message"] == "GET /readyz 200"


@pytest.mark.django_db
def test_a_log_written_inside_a_view_has_the_request_id(client, json_lines):
    down = mock.Mock(side_effect=ConnectionError("down"))
    with mock.patch.dict("ops.health.CHECKS", {"cache": down}):
        client.get("/readyz", HTTP_X_REQUEST_ID="req-7")
    failure = next(line for line in json_lines() if line["logger"] == "ops.health")
    assert failure["request_id"] == "req-7"
    assert failure["path"] == "/readyz"
    assert "ConnectionError: down" in failure["exception"]


def test_outside_a_request_there_is_no_id(json_lines):
    logging.getLogger("tests.ops").warning("a job ran")
    (line,) = json_lines()
    assert line["message"] == "a job ran"
    assert "request_id" not in line


def test_gunicorn_access_line_as_json():
    atoms = {"s": "200", "U": "/pt/", "D": 12345, "m": "GET", "{x-request-id}o": "req-9"}
    record = logging.LogRecord("gunicorn.access", logging.INFO, "", 0, "%(m)s %(U)s", (), None)
    record.args = atoms  # gunicorn passes a mapping of atoms
    line = json.loads(JsonFormatter().format(record))
    assert line == {
        "time": line["time"],
        "level": "INFO",
        "logger": "gunicorn.access",
        "message": "GET /pt/",
        "request_id": "req-9",
        "path": "/pt/",
        "status": 200,
        "duration_ms": 12.3,
        "method": "GET",
    }


def test_text_is_the_default_and_json_is_asked_for():
    assert "()" not in django_logging()["formatters"]["default"]
    assert django_logging("json")["formatters"]["default"]["()"].endswith("JsonFormatter")
    assert gunicorn_logging() is None
    assert set(gunicorn_logging("json")["loggers"]) == {"gunicorn.error", "gunicorn.access"}


GUNICORN_PROBE = """
import logging, sys
from gunicorn.config import Config
from gunicorn.glogging import Logger
import importlib.util
spec = importlib.util.spec_from_file_location("conf", "gunicorn.conf.py")
conf = importlib.util.module_from_spec(spec); spec.loader.exec_module(conf)
cfg = Config(); cfg.set("logconfig_dict", conf.logconfig_dict)
Logger(cfg).error("worker booted")
"""


def test_gunicorn_writes_json_lines_when_asked():
    result = run_python(GUNICORN_PROBE, LOG_FORMAT="json")
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["logger"] == "gunicorn.error"
    assert line["message"] == "worker booted"


def test_sentry_event_loses_personal_data():
    event = {
        "message": "mail to ana@example.pt from 192.168.1.20 failed",
        "request": {
            "url": "https://portal.example.pt/pt/",
            "cookies": {"sessionid": "secret"},
            "data": {"email": "ana@example.pt"},
            "headers": {
                "Cookie": "sessionid=secret",
                "User-Agent": "x",
                "X-Forwarded-For": "1.2.3.4",
            },
        },
        "user": {"ip_address": "10.0.0.1", "email": "ana@example.pt"},
        "extra": {"nested": ["reply to joao.silva@gov.pt", ("fe80::1:2:3",)]},
    }
    scrubbed = scrub_event(event)
    text = json.dumps(scrubbed)
    for personal in ("ana@example.pt", "192.168.1.20", "secret", "1.2.3.4", "10.0.0.1", "joao"):
        assert personal not in text
    assert "fe80::1:2:3" not in text
    assert scrubbed["request"]["headers"] == {"User-Agent": "x"}
    assert scrubbed["request"]["url"] == "https://portal.example.pt/pt/"
    assert "user" not in scrubbed


def test_sentry_starts_without_personal_data():
    with mock.patch("sentry_sdk.init") as init:
        init_sentry({"SENTRY_DSN": "https://key@glitchtip.example.pt/1"})
    options = init.call_args.kwargs
    assert options["send_default_pii"] is False
    assert options["before_send"] is scrub_event
    assert options["dsn"] == "https://key@glitchtip.example.pt/1"


SENTRY_PROBE = """
import sys, django; django.setup()
print("sentry_sdk" in sys.modules)
"""


@pytest.mark.parametrize(("dsn", "loaded"), [("", "False"), ("https://k@127.0.0.1:9/1", "True")])
def test_sentry_is_loaded_only_with_a_dsn(dsn, loaded):
    result = run_python(
        SENTRY_PROBE, SENTRY_DSN=dsn, DJANGO_SETTINGS_MODULE="procureplus.settings.test"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == loaded
