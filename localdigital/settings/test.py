"""Test settings: fast hasher, plain static storage, the database from DATABASE_URL."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The outbox delivers the site's emails into the mail.outbox the tests read. (Django's test
# runner sends EMAIL_BACKEND's mail, allauth's and Wagtail's, straight there in any case.)
MAILER_EMAIL_BACKEND = EMAIL_BACKEND
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"  # noqa: F405
PAGE_CACHE_SECONDS = 0
# Each test process keeps its own cache, which the suite clears around every test; the
# shared configurations (a directory, Redis) are exercised by tests/reliability/ and the
# page-cache tests.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
LOCALDIGITAL_ALLOW_DEMO_USERS = True
SITE_URL = WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "http://testserver"
# Each task runs as it is queued, whatever TASKS_BACKEND a developer's shell has set.
TASKS = {"default": {"BACKEND": TASK_BACKENDS["immediate"]}}  # noqa: F405
# One line per request is for deployments; tests that read it turn it up (caplog.at_level).
LOGGING["loggers"]["localdigital.requests"]["level"] = "WARNING"  # noqa: F405
# Wagtail's own index serves only the admin's search, which no test reads; keeping it up to
# date cost about a quarter of each page a test saves. The site's search is search.indexing.
WAGTAILSEARCH_BACKENDS = {
    "default": {**WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": False}  # noqa: F405
}
