"""Settings shared by every environment; each value can come from the environment."""

import os
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url

from .env import (
    cache_backend,
    deploy_version,
    env_bool,
    env_list,
    frontend_cache,
    media_storage,
    postgresql_options,
    sqlite_options,
)
from .log_config import django_logging

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "modeltranslation",  # must precede django.contrib.admin
    "core",
    "search",
    "portal",
    "documents",
    "casestudies",
    "editorial",
    "buyers",
    "ops",
    "accounts",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "core.request_id.RequestIdMiddleware",  # first: every response and log line has the id
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.security_headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Early, so a hit skips the rest; a stored page keeps the headers set below it.
    "search.middleware.SearchStatisticsMiddleware",  # before the page cache: hits count too
    "core.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): the second step done
    "accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.rate_limit.PublicPostRateLimitMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "procureplus.urls"
WSGI_APPLICATION = "procureplus.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.versioned_cache.template_context",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,  # a kept connection the server closed is replaced, not used
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default is written by the server, the task worker and commands at once:
    # WAL lets readers go on beside a writer, a writer waits up to SQLITE_BUSY_SECONDS for
    # another, and IMMEDIATE takes the write lock at BEGIN, so a transaction that reads then
    # writes waits its turn instead of failing half-way with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        **sqlite_options(int(os.environ.get("SQLITE_BUSY_SECONDS", "20"))),
        **DATABASES["default"].get("OPTIONS", {}),
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A kept connection plans a repeated query once: about half of PostgreSQL's CPU per page.
    DATABASES["default"]["OPTIONS"] = {
        **postgresql_options(os.environ.get("DATABASE_PREPARE_THRESHOLD", "1")),
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: after AXES_FAILURE_LIMIT failed logins for one account from one address,
# or AXES_ADDRESS_FAILURE_LIMIT from one address across all accounts, that account (or that
# address) is refused (HTTP 429) for AXES_COOLOFF_TIME, whatever the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "accounts.lockout_handler.AccountAndAddressHandler"  # adds the address ceiling
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_ADDRESS_FAILURE_LIMIT = int(os.environ.get("AXES_ADDRESS_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
# Reset by accounts/lockout.py once the whole sign-in (password and code) is done, for that
# account and address only: a correct password alone must not wipe the wrong codes before it.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "core.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "core.rate_limit.client_address"
# Reverse proxies in front of the portal that append to X-Forwarded-For (0: none, use REMOTE_ADDR).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# Two-factor sign-in (accounts/): who must enrol an authenticator app before using the admin:
# "moderators" (superusers and the Moderators group), "everyone" (every account that reaches
# the admin) or "nobody". Whoever enrolled gives a code at each sign-in whatever this says.
TWO_FACTOR_REQUIRED_FOR = os.environ.get("TWO_FACTOR_REQUIRED_FOR", "").strip() or "nobody"
OTP_TOTP_ISSUER = "Procure+i"  # the name the authenticator app shows beside the codes
# Public POST forms (page and collection passwords; later the portal's own forms): at most
# this many posts per client address and window, then HTTP 429.
PUBLIC_POST_RATE_LIMIT = int(os.environ.get("PUBLIC_POST_RATE_LIMIT", "10"))
PUBLIC_POST_RATE_WINDOW = int(os.environ.get("PUBLIC_POST_RATE_WINDOW", "600"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Portuguese first and default; English second.
LANGUAGE_CODE = "pt"
LANGUAGES = [("pt", _("Portuguese")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The project's strings (`make messages` rewrites them) first; then corrections of Wagtail's
# and Django's Portuguese (plurals of 0, lower-case months, "há …"), written by
# tools/admin_wording.py; then the admin strings Wagtail's pt_PT lacks or words otherwise
# (docs/admin-translations.md). `make messages` leaves the last two alone.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_wording", BASE_DIR / "locale_admin"]
# Dates: Monday first in Portugal (Django's "pt" starts the week on Sunday).
FORMAT_MODULE_PATH = ["procureplus.formats"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "pt"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("pt",)
TIME_ZONE = "Europe/Lisbon"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": media_storage(os.environ),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# make backup: a Fernet key encrypts the archives (restore needs the same key); how many
# archives the backup folder keeps after a successful backup (0: all).
BACKUP_ENCRYPTION_KEY = os.environ.get("BACKUP_ENCRYPTION_KEY", "")
BACKUP_KEEP = int(os.environ.get("BACKUP_KEEP", "14"))

# RELEASE or APP_VERSION, else the git commit, else the package version: every cache key's
# prefix, so nothing cached (pickled pages among it) outlives a deploy.
DEPLOY_VERSION = deploy_version()
CACHES = {"default": cache_backend(os.environ.get("REDIS_URL", ""), key_prefix=DEPLOY_VERSION)}
# A Redis failure the cache ignored (a miss, a dropped write) goes to this logger, whose filter
# (settings/log_config.py) turns it into one warning a minute (core/degraded.py).
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "core.redis_cache"
# Seconds an anonymous visitor's page stays cached (0: off); any content change ends it sooner.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Query parameters left out of the page cache's key (a name ending in "_" is a prefix): a visit
# from a campaign link is served the cached page of the bare address.
PAGE_CACHE_IGNORED_PARAMETERS = env_list(
    "PAGE_CACHE_IGNORED_PARAMETERS", "utm_,fbclid,gclid,mc_cid,mc_eid"
)
# Seconds a menu, footer or listing count stays cached for everyone (0: off); the same version
# key ends it at the next content change.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "600"))
# Addresses per sitemap page (/sitemap-<section>.xml?p=N); the protocol allows 50,000.
SITEMAP_PAGE_SIZE = int(os.environ.get("SITEMAP_PAGE_SIZE", "10000"))
# A CDN or caching proxy in front: Wagtail purges a page's URLs when it is (un)published.
WAGTAILFRONTENDCACHE = frontend_cache(os.environ)

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
# Seconds before a silent mail server is given up on (Django's default waits for ever).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Procure+i <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Staff who receive "Ask Procure+i" requests (a form page's own "to address" takes precedence).
SUPPORT_REQUEST_RECIPIENTS = env_list("SUPPORT_REQUEST_RECIPIENTS")
# A newsletter confirmation link expires after this many days; unconfirmed sign-ups older
# than that are deleted by `manage.py purge_unconfirmed_subscribers`.
NEWSLETTER_CONFIRMATION_DAYS = int(os.environ.get("NEWSLETTER_CONFIRMATION_DAYS", "7"))
# A newsletter issue goes out NEWSLETTER_BATCH_SIZE mails at a time, one batch every
# NEWSLETTER_BATCH_PAUSE_SECONDS (buyers/newsletter_sending.py), to spare the mail server.
NEWSLETTER_BATCH_SIZE = int(os.environ.get("NEWSLETTER_BATCH_SIZE", "50"))
NEWSLETTER_BATCH_PAUSE_SECONDS = int(os.environ.get("NEWSLETTER_BATCH_PAUSE_SECONDS", "60"))
# "Ask Procure+i" requests older than this many days are deleted by
# `manage.py purge_old_support_requests` (the period the privacy notice states).
SUPPORT_REQUEST_RETENTION_DAYS = int(os.environ.get("SUPPORT_REQUEST_RETENTION_DAYS", "365"))
# The dashboard counts open requests older than this many days as waiting too long.
SUPPORT_REQUEST_WAITING_DAYS = int(os.environ.get("SUPPORT_REQUEST_WAITING_DAYS", "7"))
# What visitors search for, as counts (search/statistics.py, docs/search.md): written from an
# in-process buffer every SEARCH_STATS_FLUSH_SECONDS, deleted after SEARCH_STATS_RETENTION_DAYS
# by `manage.py purge_search_statistics`. Robots (user agents holding one of these, or none)
# are not counted.
SEARCH_STATS_ENABLED = env_bool("SEARCH_STATS_ENABLED", True)
SEARCH_STATS_FLUSH_SECONDS = int(os.environ.get("SEARCH_STATS_FLUSH_SECONDS", "60"))
SEARCH_STATS_RETENTION_DAYS = int(os.environ.get("SEARCH_STATS_RETENTION_DAYS", "180"))
SEARCH_STATS_BOT_AGENTS = [
    "bot",
    "crawl",
    "spider",
    "slurp",
    "lighthouse",
    "headless",
    "python-requests",
    "curl",
    "wget",
    "monitor",
    "preview",
]
# Mail is sent by a task (core/outgoing_mail.py): a failed attempt is tried again after
# MAIL_RETRY_SECONDS, doubled each time, up to MAIL_MAX_ATTEMPTS, then reported to ADMINS.
MAIL_MAX_ATTEMPTS = int(os.environ.get("MAIL_MAX_ATTEMPTS", "8"))
MAIL_RETRY_SECONDS = int(os.environ.get("MAIL_RETRY_SECONDS", "60"))

# Slow work (mail, text of large PDFs) runs in tasks, stored in the database and run by
# `manage.py db_worker` (`make run` starts one); TASKS_IMMEDIATE=true runs them in the request.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if env_bool("TASKS_IMMEDIATE")
        else "django_tasks_db.DatabaseBackend"
    }
}
# PDFs up to this size have their text extracted on upload; larger ones by a task.
TEXT_EXTRACTION_INLINE_BYTES = int(os.environ.get("TEXT_EXTRACTION_INLINE_BYTES", "100000"))

# ADMINS="Name <a@b.pt>,Other <c@d.pt>": receive server-error mails.
ADMINS = [
    (entry.split("<")[0].strip(), entry.split("<")[-1].rstrip(">").strip())
    for entry in env_list("ADMINS")
]

# LOG_FORMAT=json: one JSON object per line, with the request id (settings/log_config.py).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text").strip().lower()
LOGGING = django_logging(LOG_FORMAT, os.environ.get("LOG_LEVEL", "WARNING"))
# SENTRY_DSN: errors go to Sentry or a compatible server (GlitchTip), personal data scrubbed.
if os.environ.get("SENTRY_DSN"):
    from ops.error_reporting import init_sentry

    init_sentry(os.environ)

# Security headers on every response. Public pages allow no inline code at all; the Wagtail
# admin needs inline scripts and styles, so it keeps Django's headers but no CSP.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views override it with SAMEORIGIN
EMBED_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": EMBED_ORIGINS,
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Features the portal never uses, switched off for every page and anything embedded in it.
PERMISSIONS_POLICY = (
    "accelerometer=(), browsing-topics=(), camera=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), payment=(), usb=()"
)
# Files are served by Wagtail's view, which sets `default-src 'none'` and nosniff on them.

WAGTAIL_SITE_NAME = "Procure+i"
# No Gravatar: the admin would send a hash of each staff address to a third party on every page.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_DOCUMENT_MODEL = "documents.LibraryDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "documents.forms.LibraryDocumentForm"
# Images, like documents, are stored as their form validates: a storage error is a form error.
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.upload_storage.ImageForm"
# Files go through Wagtail's view (permissions, headers), never straight from MEDIA_URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odp", "ods", "odt", "pdf", "pptx", "xlsx"]
# Office types named here, not left to the host's /etc/mime.types (a slim image may lack it).
OFFICE_XML = "application/vnd.openxmlformats-officedocument"
WAGTAILDOCS_CONTENT_TYPES = {
    "docx": f"{OFFICE_XML}.wordprocessingml.document",
    "xlsx": f"{OFFICE_XML}.spreadsheetml.sheet",
    "pptx": f"{OFFICE_XML}.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
# Largest library file accepted, in megabytes; documents/file_checks.py also checks the content.
DOCUMENT_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_MB", "50")) * 1024 * 1024
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# The embed block sizes videos in CSS; the responsive HTML would need an inline style.
WAGTAILEMBEDS_RESPONSIVE_HTML = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
