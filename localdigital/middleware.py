"""Security headers Django does not set itself: CSP per area of the site, Permissions-Policy."""

from django.conf import settings

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
