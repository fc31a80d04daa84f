"""Production: refuses to start without a secret key and allowed hosts; secure by default."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production.")
# The default (http://127.0.0.1:8000) would put a development address in every email.
if not os.environ.get("SITE_URL", "").strip():  # noqa: F405
    raise ImproperlyConfigured(
        "SITE_URL must be set in production: the public address, like https://example.org."
    )

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)  # noqa: F405
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)  # noqa: F405
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
LOCALDIGITAL_ALLOW_DEMO_USERS = False

# Logs as JSON lines on stdout, one per request and one per message, for the log collector.
LOGGING = logging_setting(os.environ.get("LOG_FORMAT", "json").strip() or "json")  # noqa: F405

# Background work waits in the database for `manage.py db_worker` (docs/background-work.md),
# so a slow mail server or a burst of followers never holds up a request.
TASKS = tasks_setting("database")  # noqa: F405
