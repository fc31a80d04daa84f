"""The site's one public address, settings.SITE_URL, and the absolute links built on it.

Every absolute link the site gives out (emails, the API, the sitemap, feeds, JSON-LD, Open
Graph, canonical links) starts with SITE_URL, never with the Host a request came in on or the
Wagtail Site record: behind a proxy, in a background task or in a shell those are wrong.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def site_url_validated(value: str) -> str:
    """SITE_URL as the settings should hold it: scheme and host (and port), no path, no slash."""
    value = (value or "").strip().rstrip("/")
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.path:
        raise ImproperlyConfigured(
            f"SITE_URL must be the site's address with no path, like https://example.org "
            f"or http://127.0.0.1:8000, not {value!r}."
        )
    return value


def site_url() -> str:
    """The root of the public site, like https://example.org (no trailing slash)."""
    return settings.SITE_URL.rstrip("/")


def absolute_url(path_or_url: str) -> str:
    """A link on SITE_URL. A full URL keeps its path, query and fragment and moves onto
    SITE_URL: what Django or a package built from the request's Host is rebased here."""
    if not path_or_url:
        return ""
    parts = urlsplit(path_or_url)
    path = parts.path if parts.path.startswith("/") else "/" + parts.path
    query = f"?{parts.query}" if parts.query else ""
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return f"{site_url()}{path}{query}{fragment}"


def site_host_and_port() -> tuple[str, int]:
    """What the Wagtail Site record's hostname and port should be for SITE_URL."""
    parts = urlsplit(site_url())
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)
