"""Errors to Sentry or a compatible server (GlitchTip) when SENTRY_DSN is set, with personal
data scrubbed before anything leaves the server. Imported by the settings only then."""

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
IPV4 = re.compile(r"\b\d{1,3}(\.\d{1,3}){3}\b")
IPV6 = re.compile(r"\b(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{0,4}\b")
PERSONAL_HEADERS = {"cookie", "authorization", "x-forwarded-for", "x-real-ip", "forwarded"}
FILTERED = "[Filtered]"


def scrub_text(text):
    return IPV6.sub(FILTERED, IPV4.sub(FILTERED, EMAIL.sub(FILTERED, text)))


def scrub(value):
    """Every string in an event, at any depth, with addresses of mail and IPs removed."""
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, dict):
        return {key: scrub(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [scrub(item) for item in value]
    return value


def scrub_event(event, hint=None):
    """sentry_sdk's before_send: no cookies, no identifying headers, no user, then every string."""
    request = event.get("request") or {}
    request.pop("cookies", None)
    request.pop("data", None)  # form posts hold names, addresses and messages
    headers = request.get("headers")
    if isinstance(headers, dict):
        request["headers"] = {
            name: value for name, value in headers.items() if name.lower() not in PERSONAL_HEADERS
        }
    event.pop("user", None)
    return scrub(event)


def init_sentry(env):
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=env["SENTRY_DSN"],
        environment=env.get("SENTRY_ENVIRONMENT") or "production",
        release=env.get("SENTRY_RELEASE") or None,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        before_send=scrub_event,
        traces_sample_rate=float(env.get("SENTRY_TRACES_SAMPLE_RATE") or 0),
    )
