"""Security headers Django does not set itself (CSP per area of the site, Permissions-Policy),
and the site's own 404 page under DEBUG."""

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.http import Http404
from django.urls import Resolver404, get_resolver, resolve

from csp.middleware import CSPMiddleware, PolicyParts


def is_admin_path(path: str) -> bool:
    return path.startswith(tuple(settings.LOCALDIGITAL_ADMIN_PATH_PREFIXES))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp, with the relaxed admin policy (LOCALDIGITAL_ADMIN_CSP) under /admin/.

    The public site runs no inline script at all, so its policy is strict. Wagtail's admin still
    writes inline <script> and style attributes in its panels and widgets (wagtail/wagtail#1288,
    #7053); it is only used by signed-in editors, so it gets a policy that allows inline code but
    nothing from other origins, rather than no policy. Its previews are framed by the admin
    itself, hence frame-ancestors 'self' there (Wagtail sets X-Frame-Options SAMEORIGIN on them).
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # A preview renders the page inside the admin's own frame, so it takes the admin policy.
        in_admin = is_admin_path(request.path_info) or getattr(request, "is_preview", False)
        if not report_only and parts.config is None and in_admin:
            parts.config = settings.LOCALDIGITAL_ADMIN_CSP
        return parts


class PermissionsPolicyMiddleware:
    """Switch off browser features the site never uses (camera, geolocation, payment...)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allow)})"
            for feature, allow in settings.LOCALDIGITAL_PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.header
        return response


class SiteNotFoundPageMiddleware:
    """Under DEBUG, the site's own 404 page instead of Django's technical one.

    Django answers every 404 under DEBUG with a page that lists every route of the site, so
    `make run` showed a newcomer that instead of "Page not found". DJANGO_TECHNICAL_ERRORS=1
    (settings.TECHNICAL_ERROR_PAGES) brings Django's page back. Without DEBUG, Django already
    shows the site's page, and this middleware takes itself out.

    Last in MIDDLEWARE, so the request has its session and user when the page renders: it
    answers an address no route matches before the view would be resolved, and an Http404 a
    view raised. Outer middleware (the slash redirect, Wagtail's redirects) still see the 404.
    """

    def __init__(self, get_response):
        if not settings.DEBUG or settings.TECHNICAL_ERROR_PAGES:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        urlconf = getattr(request, "urlconf", None)
        try:
            resolve(request.path_info, urlconf)
        except Resolver404 as error:
            return self.not_found(request, error)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            return self.not_found(request, exception)
        return None

    def not_found(self, request, exception):
        handler = get_resolver(getattr(request, "urlconf", None)).resolve_error_handler(404)
        return handler(request, exception)
