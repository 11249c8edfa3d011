"""LOG_FORMAT=json: one JSON object per line, for the portal and for gunicorn, which a log
system (journald, Loki, Elasticsearch...) reads without parsing text."""

import json
import logging
from collections.abc import Mapping
from datetime import UTC, datetime

# Fields a record may carry (set by core.request_id or by Django), copied when present.
EXTRA_FIELDS = ("request_id", "path", "status", "duration_ms")


def gunicorn_access_fields(atoms):
    """gunicorn passes its access-log atoms as the record's arguments."""
    try:
        duration_ms = round(int(atoms["D"]) / 1000, 1)  # microseconds
    except (KeyError, TypeError, ValueError):
        duration_ms = None
    request_id = atoms.get("{x-request-id}o", "-")
    return {
        "request_id": None if request_id == "-" else request_id,
        "path": atoms.get("U"),
        "status": int(atoms["s"]) if str(atoms.get("s", "")).isdigit() else None,
        "duration_ms": duration_ms,
        "method": atoms.get("m"),
    }


class JsonFormatter(logging.Formatter):
    def format(self, record):
        moment = datetime.fromtimestamp(record.created, tz=UTC)
        entry = {
            "time": moment.isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in EXTRA_FIELDS:
            value = getattr(record, field, None)
            if value is not None:
                entry[field] = value
        if "status" not in entry and getattr(record, "status_code", None):
            entry["status"] = record.status_code  # Django's own request log
        if record.name == "gunicorn.access" and isinstance(record.args, Mapping):
            fields = gunicorn_access_fields(record.args)
            entry.update({key: value for key, value in fields.items() if value is not None})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
