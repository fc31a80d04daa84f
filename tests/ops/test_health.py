"""/healthz: ok, degraded (cache or search engine down) and its answer's shape and headers.

The database-down case needs a served site whose database cannot be reached:
tests/reliability/test_outages.py."""

from django.test import RequestFactory

import pytest

from core.page_cache import cache_key_for
from tests import outages

REDIS_DOWN = {
    "default": {
        "BACKEND": "core.cache.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{outages.closed_port()}/0",
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 1,
            "SOCKET_TIMEOUT": 1,
        },
    }
}


@pytest.mark.django_db
def test_all_fine_is_200_ok_and_never_cached(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"] == "application/json"
    assert "X-Page-Cache" not in response


def test_the_page_cache_never_stores_it(client, site_tree, settings, redis_cache):
    settings.PAGE_CACHE_SECONDS = 300
    client.get("/")
    client.get("/healthz")
    client.get("/healthz")

    # The home page was stored (the page cache is on); the probe's answer never is.
    assert redis_cache.get(cache_key_for(RequestFactory().get("/"))) is not None
    assert redis_cache.get(cache_key_for(RequestFactory().get("/healthz"))) is None


@pytest.mark.django_db
def test_redis_unreachable_is_degraded_not_down(client, settings):
    settings.CACHES = REDIS_DOWN

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "failing"},
    }


@pytest.mark.django_db
def test_search_engine_unreachable_is_degraded_and_says_nothing_of_where_it_is(
    client, search_engine_unreachable
):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "ok", "search": "failing"},
    }
    port = search_engine_unreachable.rsplit(":", 1)[1]
    body = response.content.decode()
    assert port not in body
    assert "127.0.0.1" not in body
    assert "Error" not in body


@pytest.mark.django_db
def test_a_search_engine_that_answers_is_ok(client, search_engine_at):
    with outages.answering_engine() as engine:
        search_engine_at(engine.url)
        response = client.get("/healthz")
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "search": "ok"},
    }


@pytest.mark.django_db
def test_the_probe_asks_the_engine_even_while_searches_leave_it_alone(client, search_engine_at):
    """After a failure searches skip the engine for a few seconds; /healthz does not, so it
    reports the engine back as soon as it is (and searches use it again from then on)."""
    from search.backends import get_backend

    with outages.answering_engine() as engine:
        search_engine_at(engine.url)
        get_backend()._failed()
        assert get_backend().is_paused()
        assert client.get("/healthz").json()["checks"]["search"] == "ok"
        assert not get_backend().is_paused()


@pytest.mark.django_db
def test_load_balancers_probing_by_ip_over_http_get_an_answer(client, settings):
    """No HTTPS redirect and no ALLOWED_HOSTS refusal for /healthz; other pages keep both."""
    settings.SECURE_SSL_REDIRECT = True

    probe = client.get("/healthz", HTTP_HOST="10.0.3.7:8000")
    page = client.get("/robots.txt", HTTP_HOST="10.0.3.7:8000")
    redirected = client.get("/robots.txt")

    assert probe.status_code == 200
    assert probe.json()["status"] == "ok"
    assert page.status_code == 400  # DisallowedHost
    assert redirected.status_code == 301


@pytest.mark.django_db
def test_only_get_and_head(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405
