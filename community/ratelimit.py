"""A fixed-window rate limit on Django's cache (Redis in production), per client address."""

import functools
import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from allauth.account.adapter import get_adapter

logger = logging.getLogger(__name__)


def client_ip(request) -> str | None:
    """The client's address, as every limit and lockout of the site sees it; None if unknown.

    One definition for our limits, allauth's and django-axes' (AXES_CLIENT_IP_CALLABLE):
    allauth's, which reads X-Forwarded-For only as far as TRUSTED_PROXY_COUNT proxies of our
    own appended to it (docs/deployment.md), and REMOTE_ADDR otherwise, so that nobody can
    pick a fresh address per request by sending the header themselves.
    """
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:  # no usable address (a request made in code, a test's login)
        return None


def client_address(request) -> str:
    """The client's address for counting: requests without one share a bucket."""
    return client_ip(request) or "unknown"


def hit(request, scope: str) -> bool:
    """Count one attempt at `scope`; False once the client is over its limit for the window."""
    limit, period = settings.COMMUNITY_RATE_LIMITS.get(scope, (30, 3600))
    window = int(time.time() // period)
    who = hashlib.sha256(client_address(request).encode()).hexdigest()[:24]
    key = f"community-rl:{scope}:{who}:{window}"
    if cache.add(key, 1, timeout=period + 5):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=period + 5)
            count = 1
    if count is None:
        # The cache is unreachable (Redis down; django-redis answers None instead of raising).
        # Fail open: a member's form must keep working. Sign-in lockouts do not depend on
        # this: django-axes counts failures in the database.
        logger.warning("rate limit %s not applied: the cache is unavailable", scope)
        return True
    return count <= limit


def too_many_requests(request):
    return render(request, "429.html", status=429)


def rate_limit(scope: str):
    """Limit POSTs to a view; GETs (reading a form) are never counted."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST" and not hit(request, scope):
                return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
