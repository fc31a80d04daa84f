"""Settings shared by every environment; everything deployable is read from the environment.

The site runs with no environment at all (SQLite, a file cache shared by every process,
console email, database search); each engine is switched on by one variable.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import dj_database_url

from core.site_url import site_url_validated

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "localdigital"


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SITE_NAME = "Local Digital"
WAGTAIL_SITE_NAME = SITE_NAME
# The site's public address: every absolute link it gives out (emails, the API, the sitemap,
# feeds, JSON-LD, Open Graph, canonical links, Wagtail's and allauth's emails) is built on
# it (core.site_url). The default is the address `make run` serves; production requires it.
SITE_URL = site_url_validated(os.environ.get("SITE_URL", "") or "http://127.0.0.1:8000")
# Wagtail's own: its notification emails and its API's detail_url. core.apps keeps them in
# step when SITE_URL is overridden (a test, a shell).
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILAPI_BASE_URL = SITE_URL

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "organisations",
    "casestudies",
    "patterns",
    "community",
    "search",
    "listings",
    "projects",
    "events",
    "funding",
    "home",
    # Site-wide operator commands (site_backup, site_restore); above every app they touch.
    "localdigital.ops",
    "django_tasks",
    "django_tasks_db",
    "mailer",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # Outermost: every request gets its id and its log line, page-cache hits and /healthz too.
    "localdigital.request_log.RequestLogMiddleware",
    # Before the HTTPS redirect, the Host check and the page cache (localdigital/health.py).
    "localdigital.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "localdigital.request_body.RequestBodyLimitMiddleware",
    # Before sessions, CSRF, authentication and messages: a cached page for an anonymous
    # reader (no session cookie) needs none of them, and a hit then skips them all. What they
    # add to a response is stored with it; a response that sets a cookie is never stored.
    # Outside the page cache, so that a search answered from the cache is counted too.
    "search.middleware.SearchRecordingMiddleware",
    "core.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.models.routing.CachedSiteMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Under DEBUG only, and unless TECHNICAL_ERROR_PAGES: the site's own 404 page.
    "localdigital.middleware.SiteNotFoundPageMiddleware",
]
# Django's technical 404 page under DEBUG, which lists every route (localdigital.middleware).
TECHNICAL_ERROR_PAGES = env_bool("DJANGO_TECHNICAL_ERRORS", False)

ROOT_URLCONF = "localdigital.urls"
WSGI_APPLICATION = "localdigital.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.site_context",
            ],
        },
    },
    # Fragments a page renders many times (listing cards, filter options) are Jinja2, which
    # renders them about seven times faster than Django's engine; see listings/fragments.py.
    {
        "NAME": "fragments",
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [PROJECT_DIR / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "listings.fragments.environment",
            "trim_blocks": True,
            "lstrip_blocks": True,
        },
    },
]

# The embedded default is a SQLite file beside manage.py; DATABASE_URL switches engines.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        # A kept connection is checked before each request reuses it, so a restarted database
        # server costs a reconnect rather than one failed request in every worker.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database host that does not answer must not hold a worker (or /healthz) for the
    # two minutes the operating system would wait.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run while a writer publishes; the pragmas are applied on connect.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA busy_timeout=5000; PRAGMA cache_size=-64000;"
            ),
        }
    )
    DATABASES["default"]["CONN_MAX_AGE"] = (
        0
        if ":memory:" in str(DATABASES["default"]["NAME"])
        else DATABASES["default"]["CONN_MAX_AGE"]
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "localdigital"),
            # A Redis outage is a slower site, not a broken one: reads miss, writes are dropped.
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
else:
    # The embedded default: a directory that every process on the machine shares (gunicorn's
    # workers, cron, a shell), never per-process memory, so what one process stores or clears
    # every other sees. Bounded: past MAX_ENTRIES a third of the entries are culled.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / "var" / "cache")),
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "localdigital"),
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "20000"))},
        }
    }

# Anonymous pages are cached whole, on every configuration; any change to public content
# starts a new generation in the database, which every process reads (core.page_cache).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))

# Search: our own engine-driven index answers the public site (search/README.md);
# Wagtail's backend keeps serving the admin. SEARCH_URL switches both to Elasticsearch.
SEARCH_URL = os.environ.get("SEARCH_URL", "")
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "localdigital")
# Seconds. Short, so that an engine that is down costs a request little (docs/search.md,
# "When the engine is down"); writes run after a publish or in the worker, so get longer.
SEARCH_CONNECT_TIMEOUT = float(os.environ.get("SEARCH_CONNECT_TIMEOUT", "1.5"))
SEARCH_READ_TIMEOUT = float(os.environ.get("SEARCH_READ_TIMEOUT", "3"))
SEARCH_WRITE_TIMEOUT = float(os.environ.get("SEARCH_WRITE_TIMEOUT", "30"))
# After a failure each process leaves the engine alone this long (every search answers at once).
SEARCH_RETRY_SECONDS = float(os.environ.get("SEARCH_RETRY_SECONDS", "10"))
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [SEARCH_URL],
            "INDEX_PREFIX": f"{SEARCH_INDEX_PREFIX}_wagtail_",
            "TIMEOUT": 5,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600

# Where to report a vulnerability, published at /.well-known/security.txt: an email address or
# an https URL. Unset, that file is not served.
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT", "").strip()

# Email: every message waits in the outbox (core.outbox, on django-mailer) and is delivered
# after the commit through MAILER_EMAIL_BACKEND: console by default, SMTP when EMAIL_HOST is
# set. EMAIL_BACKEND is what other packages (allauth, Wagtail) send through, so their mail
# waits in the outbox too. See docs/background-work.md.
EMAIL_BACKEND = "core.outbox.OutboxBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    # A mail server that hangs must not hold a worker for ever; the message waits instead.
    EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
else:
    MAILER_EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Each message is sent under a lock on its own row, which works across machines; the file
# lock (in the working directory) would also make a second sender give up on the whole queue.
MAILER_USE_FILE_LOCK = False
MAILER_ERROR_HANDLER = "core.outbox.keep_for_retry"

# Background work (django-tasks): the site's emails, follower notifications and digests, and
# Wagtail's own index updates. "immediate" runs each task in the process that queued it,
# right away (development and tests need no worker); "database" stores it for
# `manage.py db_worker` (django-tasks-db), the default in production settings.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}


def tasks_setting(default_backend: str) -> dict:
    name = os.environ.get("TASKS_BACKEND", default_backend).strip() or default_backend
    if name not in TASK_BACKENDS:
        raise ImproperlyConfigured(
            f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {name!r}."
        )
    return {"default": {"BACKEND": TASK_BACKENDS[name]}}


TASKS = tasks_setting("immediate")
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Local Digital <noreply@localdigital.invalid>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Wagtail's moderation emails with an HTML part too, like every email the site sends.
WAGTAILADMIN_NOTIFICATION_USE_HTML = True

# Wagtail
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "csv", "txt", "pptx", "odp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: every admin page would send a hash of the editor's email address to a third
# party; Wagtail shows its own avatar instead, or the one an editor uploads.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_HITS_MAX_AGE = 90
WAGTAIL_I18N_ENABLED = False
TAGGIT_CASE_INSENSITIVE = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Request bodies (localdigital/request_body.py): a member's form may send its one upload
# (COMMUNITY_UPLOAD_MAX_BYTES) and this much more; the admin, editors' larger files.
REQUEST_BODY_MARGIN_BYTES = 1024 * 1024
REQUEST_BODY_MAX_ADMIN_BYTES = int(os.environ.get("REQUEST_BODY_MAX_ADMIN_BYTES", 64 * 1024 * 1024))


def logging_setting(log_format: str) -> dict:
    """Logs to the console: "text" for people (development), "json" one object a line
    (production, to stdout). Every record carries its request's id (localdigital.request_log),
    and `localdigital.requests` writes one line per request at INFO."""
    formatters = {
        "text": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
        "json": {"()": "localdigital.request_log.JsonFormatter"},
    }
    if log_format not in formatters:
        raise ImproperlyConfigured(f"LOG_FORMAT must be text or json, not {log_format!r}.")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "localdigital.request_log.RequestIdFilter"}},
        "formatters": {log_format: formatters[log_format]},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout" if log_format == "json" else "ext://sys.stderr",
                "filters": ["request_id"],
                "formatter": log_format,
            }
        },
        "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
        "loggers": {
            "localdigital.requests": {"level": os.environ.get("REQUEST_LOG_LEVEL", "INFO")}
        },
    }


LOGGING = logging_setting(os.environ.get("LOG_FORMAT", "text").strip() or "text")

# Each concern keeps its own settings module that extends the lists above.
from . import community, security  # noqa: E402

community.apply(globals())
security.apply(globals())
