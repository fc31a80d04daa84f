"""Refuse a request body larger than any form here takes, before anything reads it."""

from django.conf import settings
from django.shortcuts import render

from localdigital.middleware import is_admin_path


def request_body_limit(path: str) -> int:
    """The largest body a request to `path` may send, in bytes.

    A member's form takes one file of at most COMMUNITY_UPLOAD_MAX_BYTES and some fields;
    the admin takes editors' larger documents and images.
    """
    if is_admin_path(path):
        return settings.REQUEST_BODY_MAX_ADMIN_BYTES
    return settings.COMMUNITY_UPLOAD_MAX_BYTES + settings.REQUEST_BODY_MARGIN_BYTES


class RequestBodyLimitMiddleware:
    """Answer 413 from the declared length, rather than after the whole body has arrived
    (Django's own upload checks run once it has been read into memory or a temporary file).

    The proxy in front enforces the same limit for bodies sent without a length
    (docs/deployment.md: client_max_body_size).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        limit = request_body_limit(request.path)
        if declared > limit:
            return render(
                request,
                "413.html",
                {"limit": limit, "upload_limit": settings.COMMUNITY_UPLOAD_MAX_BYTES},
                status=413,
            )
        return self.get_response(request)
