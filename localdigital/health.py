"""/healthz for load balancers: can this process serve pages? Database, cache, search engine.

Answered by `HealthCheckMiddleware`, near the top of MIDDLEWARE, before anything that could
get in the way of a probe: SecurityMiddleware's HTTPS redirect (a load balancer probes the
instance over plain HTTP), the Host check against ALLOWED_HOSTS (it probes by IP address;
the answer does not depend on the host, so no host is trusted for anything) and the
anonymous page cache (a stored answer would say nothing about now).

- 200 `{"status": "ok"}`: every check passed.
- 200 `{"status": "degraded"}`: the cache or the search engine is down. The site still
  serves (slower without the cache; search says it is unavailable, listings still work), and
  every instance shares those servers, so a load balancer must not take them all out.
- 503 `{"status": "unavailable"}`: the database cannot be reached; this instance cannot serve.

`checks` gives each check's result ("ok" or "failing"). Nothing else: no host names,
URLs, versions or error texts; the reason a check failed is logged as a warning.
"""

import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponseNotAllowed, JsonResponse

from search.backends import SearchEngineUnavailable, get_backend

logger = logging.getLogger(__name__)

PATHS = frozenset({"/healthz", "/healthz/"})
CACHE_KEY = "healthz:probe"
OK, FAILING = "ok", "failing"


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any failure means "cannot serve", never a 500
        logger.warning("health check: database failing: %s", type(error).__name__)
        return False
    return True


def cache_ok() -> bool:
    """A set and a get of a value no earlier probe wrote. The Redis cache ignores its errors
    (a slower site, not a broken one), so an outage shows as the value not coming back."""
    token = secrets.token_hex(8)
    try:
        cache.set(CACHE_KEY, token, timeout=30)
        answered = cache.get(CACHE_KEY) == token
    except Exception as error:  # noqa: BLE001
        logger.warning("health check: cache failing: %s", type(error).__name__)
        return False
    if not answered:
        logger.warning("health check: cache failing: the value did not come back")
    return answered


def search_engine_ok() -> bool:
    try:
        get_backend().ping()
    except SearchEngineUnavailable as error:
        logger.warning("health check: search engine failing: %s", error)
        return False
    return True


def health() -> tuple[int, dict]:
    checks = {"database": database_ok(), "cache": cache_ok()}
    if settings.SEARCH_URL:  # else search is the database's own index
        checks["search"] = search_engine_ok()
    if not checks["database"]:
        status, code = "unavailable", 503
    elif all(checks.values()):
        status, code = "ok", 200
    else:
        status, code = "degraded", 200
    return code, {"status": status, "checks": {k: OK if v else FAILING for k, v in checks.items()}}


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info not in PATHS:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        code, body = health()
        response = JsonResponse(body, status=code)
        response["Cache-Control"] = "no-store"
        # Answered before SecurityMiddleware, which would have added this.
        response["X-Content-Type-Options"] = "nosniff"
        return response
