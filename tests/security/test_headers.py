"""Security headers, asserted on real responses from the public site, the API and the admin."""

from django.conf import settings

import pytest

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.strip().split()
        parsed[name] = values
    return parsed


PUBLIC_URLS = [
    "/",
    "/case-studies/",
    "/tags/",
    "/organisations/",
    "/developers/api/",
    "/api/v2/pages/",
    "/robots.txt",
    "/sitemap.xml",
    "/no-such-page/",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_responses_carry_every_security_header(client, site_tree, url):
    response = client.get(url)
    assert response.status_code in (200, 404)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    csp = directives(response)
    assert csp["script-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_hsts_is_sent_over_https(client, site_tree):
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert not client.get("/").has_header("Strict-Transport-Security")  # never over plain HTTP


def test_a_cached_page_keeps_its_headers(client, site_tree, settings):
    settings.PAGE_CACHE_SECONDS = 60
    client.get("/case-studies/")
    response = client.get("/case-studies/")
    assert response["X-Page-Cache"] == "hit"
    assert directives(response)["script-src"] == ["'self'"]
    assert "camera=()" in response["Permissions-Policy"]


def test_public_pages_have_no_inline_script(client, make_page, organisation):
    from casestudies.models import CaseStudyPage

    page = make_page(CaseStudyPage, title="Inline check", organisations=[organisation])
    for url in ("/", page.url, "/case-studies/", "/developers/api/"):
        html = client.get(url).content.decode()
        for tag in html.split("<script")[1:]:
            opening = tag.split(">", 1)[0]
            # External scripts, or data blocks browsers never run (JSON-LD).
            assert "src=" in opening or 'type="application/ld+json"' in opening, (url, opening)
        assert " style=" not in html, url
        assert " onclick=" not in html.lower(), url


def test_admin_gets_the_relaxed_policy_and_may_frame_itself(client, superuser):
    client.force_login(superuser)
    response = client.get("/admin/")
    assert response.status_code == 200
    csp = directives(response)
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert "http:" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_admin_login_page_also_has_a_policy(client, site_tree):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_session_cookie_is_http_only(client, superuser):
    response = client.post(
        "/admin/login/", {"username": "root", "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_csp_is_configured_in_the_django_csp_4_format():
    policy = settings.CONTENT_SECURITY_POLICY
    assert set(policy) == {"DIRECTIVES"}
    assert "'unsafe-inline'" not in policy["DIRECTIVES"]["script-src"]
    middleware = settings.MIDDLEWARE
    security = middleware.index("django.middleware.security.SecurityMiddleware")
    assert (
        middleware.index("localdigital.middleware.ContentSecurityPolicyMiddleware") == security + 1
    )
    # Outside the page cache, so cached pages get fresh headers.
    assert middleware.index(
        "localdigital.middleware.PermissionsPolicyMiddleware"
    ) < middleware.index("core.page_cache.AnonymousPageCacheMiddleware")
