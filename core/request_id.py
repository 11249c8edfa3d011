"""A request id for every request: taken from X-Request-ID when it is safe, else made; returned
in the response and carried by every log record written while the request runs."""

import logging
import re
import time
import uuid
from contextvars import ContextVar

HEADER = "X-Request-ID"
# Short and plain, so a forged header cannot inject text into logs or responses.
SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")

request_id = ContextVar("request_id", default=None)
request_path = ContextVar("request_path", default=None)

logger = logging.getLogger("portal.request")


def incoming_id(request):
    given = request.META.get("HTTP_X_REQUEST_ID", "")
    return given if SAFE_ID.match(given) else uuid.uuid4().hex


class RequestIdMiddleware:
    """First in MIDDLEWARE: page-cache hits and errors carry the id too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = incoming_id(request)
        id_token = request_id.set(request.request_id)
        path_token = request_path.set(request.path)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response[HEADER] = request.request_id
            # Quiet below LOG_LEVEL=INFO: gunicorn's access log is the usual request log.
            logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
            return response
        finally:
            request_id.reset(id_token)
            request_path.reset(path_token)


class RequestContextFilter(logging.Filter):
    """Adds the running request's id and path to each record (None outside a request)."""

    def filter(self, record):
        if getattr(record, "request_id", None) is None:
            record.request_id = request_id.get()
        if getattr(record, "path", None) is None:
            record.path = request_path.get()
        return True
