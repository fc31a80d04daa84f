"""The site's URLs plus views that fail, to see the error pages a visitor would."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from localdigital.urls import handler400, handler403, handler404, handler500  # noqa: F401
from localdigital.urls import urlpatterns as site_urlpatterns

SECRET_DETAIL = "db-password-hunter2 /srv/app/secret.py"


def explode(request):
    raise RuntimeError(SECRET_DETAIL)


def forbid(request):
    raise PermissionDenied(SECRET_DETAIL)


def suspicious(request):
    raise SuspiciousOperation(SECRET_DETAIL)


urlpatterns = [
    path("test-errors/500/", explode),
    path("test-errors/403/", forbid),
    path("test-errors/400/", suspicious),
    *site_urlpatterns,
]
