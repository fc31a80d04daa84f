"""Custom 400, 403, 404 and 500 pages with DEBUG off: our templates, and nothing leaked."""

from django.conf import settings

import pytest

from tests.security.urls_for_errors import SECRET_DETAIL

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.security.urls_for_errors")]

LEAKS = [
    SECRET_DETAIL,
    "Traceback",
    "RuntimeError",
    "PermissionDenied",
    "SuspiciousOperation",
    "settings",
    "DEBUG",
    "Django",
    "Request Method",
    "site-packages",
]


def assert_leaks_nothing(response):
    html = response.content.decode()
    for leak in LEAKS:
        assert leak not in html, leak
    assert "<html" in html
    assert "Local Digital" in html
    assert "Content-Security-Policy" in response


@pytest.fixture
def visitor(client, site_tree):
    assert settings.DEBUG is False
    client.raise_request_exception = False
    return client


def test_500_page(visitor):
    response = visitor.get("/test-errors/500/")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()
    assert_leaks_nothing(response)


def test_403_page(visitor):
    response = visitor.get("/test-errors/403/")
    assert response.status_code == 403
    assert_leaks_nothing(response)


def test_400_page(visitor):
    response = visitor.get("/test-errors/400/")
    assert response.status_code == 400
    assert_leaks_nothing(response)


def test_400_page_for_a_host_that_is_not_allowed(visitor):
    response = visitor.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "evil.example" not in response.content.decode()
    assert_leaks_nothing(response)


def test_404_page(visitor):
    response = visitor.get("/no-such-page/<script>alert(1)</script>/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "<script>alert(1)" not in response.content.decode()
    assert_leaks_nothing(response)


def test_404_for_a_missing_tag_and_api_item(visitor):
    assert visitor.get("/tags/no-such-tag/").status_code == 404
    response = visitor.get("/api/v2/pages/999999/")
    assert response.status_code == 404
    assert response.json() == {"message": "No Page matches the given query."}
