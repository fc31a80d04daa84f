"""Security headers, Content Security Policy and the public API's settings.

Headers are the same in every environment, so tests see what production sends; only what
needs HTTPS (secure cookies, SSL redirect) waits for production.py. HSTS is set here too:
Django sends it only on HTTPS responses, so plain-HTTP development is unaffected.
"""

import os

SELF = "'self'"
NONE = "'none'"

# The public site: no inline script or style, nothing from other origins, never framed.
PUBLIC_CSP_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "media-src": [SELF],
    "object-src": [NONE],
    "frame-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
    "manifest-src": [SELF],
    "worker-src": [SELF],
}

# Wagtail's admin writes inline scripts and style attributes (wagtail/wagtail#1288, #7053), so
# under /admin/ inline code is allowed, still only from this origin; see localdigital.middleware.
ADMIN_CSP_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "media-src": [SELF, "blob:"],
    "object-src": [NONE],
    "frame-src": [SELF, "https:"],  # the preview panel, and embed previews
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],  # the admin frames its own previews
    "worker-src": [SELF, "blob:"],
}

# Browser features nobody needs to read or publish council case studies.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "sync-xhr",
        "usb",
        "xr-spatial-tracking",
    )
}


def _insert_after(items: list, anchor: str, new: str) -> None:
    if new in items:
        return
    position = items.index(anchor) + 1 if anchor in items else 0
    items.insert(position, new)


def apply(settings: dict) -> None:
    """Called at the end of base.py with its globals, so this can extend its lists."""
    if "csp" not in settings["INSTALLED_APPS"]:
        settings["INSTALLED_APPS"].append("csp")

    middleware = settings["MIDDLEWARE"]
    # Outside the page cache, so a cached page gets the same headers as a fresh one.
    _insert_after(
        middleware,
        "django.middleware.security.SecurityMiddleware",
        "localdigital.middleware.PermissionsPolicyMiddleware",
    )
    _insert_after(
        middleware,
        "django.middleware.security.SecurityMiddleware",
        "localdigital.middleware.ContentSecurityPolicyMiddleware",
    )

    settings["CONTENT_SECURITY_POLICY"] = {
        "DIRECTIVES": PUBLIC_CSP_DIRECTIVES,
    }
    settings["LOCALDIGITAL_ADMIN_CSP"] = ADMIN_CSP_DIRECTIVES
    settings["LOCALDIGITAL_ADMIN_PATH_PREFIXES"] = ["/admin/"]
    settings["LOCALDIGITAL_PERMISSIONS_POLICY"] = PERMISSIONS_POLICY

    settings["SECURE_CONTENT_TYPE_NOSNIFF"] = True
    settings["SECURE_REFERRER_POLICY"] = "strict-origin-when-cross-origin"
    settings["SECURE_CROSS_ORIGIN_OPENER_POLICY"] = "same-origin"
    settings["X_FRAME_OPTIONS"] = "DENY"
    settings["SECURE_HSTS_SECONDS"] = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    settings["SECURE_HSTS_INCLUDE_SUBDOMAINS"] = True
    settings["SECURE_HSTS_PRELOAD"] = True
    settings["SESSION_COOKIE_HTTPONLY"] = True
    settings["SESSION_COOKIE_SAMESITE"] = "Lax"
    settings["CSRF_COOKIE_SAMESITE"] = "Lax"

    # The public API: read-only JSON, anonymous, decimals as numbers, rich text as real HTML.
    rest_framework = settings.setdefault("REST_FRAMEWORK", {})
    rest_framework.setdefault("COERCE_DECIMAL_TO_STRING", False)
    settings["WAGTAILAPI_LIMIT_MAX"] = 50
    settings["WAGTAILAPI_SEARCH_ENABLED"] = True
    settings["WAGTAILAPI_RICH_TEXT_FORMAT"] = "html"
