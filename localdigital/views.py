"""The site's error pages (Django's handler400, 403, 404 and 500 in localdigital/urls.py)."""

import logging
import sys

from django.core.exceptions import DisallowedHost
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


def is_api_request(request) -> bool:
    return request.path.startswith("/api/")


def page_not_found(request, exception=None):
    if is_api_request(request):
        # /api/v2/pages/abc/ matches no API route; its clients read JSON, as from the API's own 404s.
        return JsonResponse({"message": "not found"}, status=404)
    return render(request, "404.html", status=404)


# The database server is down, restarting or (SQLite) locked for longer than busy_timeout.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = "30"


def server_error(request):
    # Django calls this inside its `except`, so the exception is still at hand.
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return service_unavailable(request)
    if is_api_request(request):
        return JsonResponse({"message": "server error"}, status=500)
    return render(request, "500.html", status=500)


def service_unavailable(request):
    """A database outage is temporary: say so (503, Retry-After), not "a problem" (500).

    Rendered without the request, the database or context processors. Django closes the
    broken connection when the request ends, and the next request opens a new one.
    """
    logger.warning("database unavailable: answering 503")
    if is_api_request(request):
        response = JsonResponse({"message": "service unavailable, try again later"}, status=503)
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = RETRY_AFTER_SECONDS
    return response


def bad_request(request, exception=None):
    if isinstance(exception, DisallowedHost):
        # The commonest 400 (a bad Host header): rendered without the request, because anything
        # that asks it for its address (the Open Graph URL) would raise again and make a 500.
        return HttpResponseBadRequest(render_to_string("400.html"))
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)
