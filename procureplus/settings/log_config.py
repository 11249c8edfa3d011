"""Logging for Django (settings.LOGGING) and for gunicorn (logconfig_dict): plain text, or with
LOG_FORMAT=json one JSON object per line. No Django import: gunicorn reads it before setup."""

REQUEST_FILTER = {"request": {"()": "core.request_id.RequestContextFilter"}}
# A part that fails is logged once a minute, not once per request (core/degraded.py).
DEGRADED_FILTERS = {
    "cache_errors": {"()": "core.degraded.CacheErrorsFilter"},
    "database_down": {"()": "core.degraded.DatabaseDownFilter"},
}


def formatters(log_format):
    if log_format == "json":
        return {"default": {"()": "core.log_format.JsonFormatter"}}
    return {"default": {"format": "%(message)s"}}


def django_logging(log_format="text", level="WARNING"):
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {**REQUEST_FILTER, **DEGRADED_FILTERS},
        "formatters": formatters(log_format),
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "default",
                "filters": ["request"],
            },
            "mail_admins": {"class": "django.utils.log.AdminEmailHandler", "level": "ERROR"},
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Not propagated: Django's own "django" logger would mail the same error a second time.
            "django.request": {
                "handlers": ["console", "mail_admins"],
                "filters": ["database_down"],
                "level": "ERROR",
                "propagate": False,
            },
            # Redis errors the cache ignored (DJANGO_REDIS_LOGGER): one warning a minute.
            "core.redis_cache": {"filters": ["cache_errors"]},
            # A mail given up after its last attempt is logged at ERROR and so mailed to ADMINS.
            "core.outgoing_mail": {
                "handlers": ["console", "mail_admins"],
                "level": "WARNING",
                "propagate": False,
            },
        },
    }


def gunicorn_logging(log_format="text"):
    """gunicorn's error and access logs; None keeps gunicorn's own text format."""
    if log_format != "json":
        return None
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": formatters(log_format),
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "formatter": "default",
                "stream": "ext://sys.stdout",
            },
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "default",
                "stream": "ext://sys.stderr",
            },
        },
        "root": {"level": "INFO", "handlers": []},
        "loggers": {
            "gunicorn.error": {"level": "INFO", "handlers": ["stderr"], "propagate": False},
            "gunicorn.access": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
        },
    }
