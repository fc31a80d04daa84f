"""Anonymous pages come from the page cache; publishing or unpublishing clears it.

These run on the Redis server, as production does (see tests/conftest.py: redis_cache).
"""

import pytest
import redis

from casestudies.models import CaseStudyPage


@pytest.fixture
def page_cache_on(settings, redis_cache):
    settings.PAGE_CACHE_SECONDS = 300


def test_second_anonymous_request_is_a_cache_hit(client, site_tree, page_cache_on):
    first = client.get("/")
    second = client.get("/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert first.content == second.content


def test_publishing_clears_the_page_cache(
    client, site_tree, make_page, page_cache_on, organisation
):
    client.get(site_tree["case-studies"].url)
    make_page(CaseStudyPage, title="Freshly published study", organisations=[organisation])

    response = client.get(site_tree["case-studies"].url)

    assert response["X-Page-Cache"] == "miss"
    assert "Freshly published study" in response.content.decode()


def test_unpublishing_clears_the_page_cache(
    client, site_tree, make_page, page_cache_on, organisation
):
    page = make_page(CaseStudyPage, title="Soon withdrawn study", organisations=[organisation])
    assert "Soon withdrawn study" in client.get(site_tree["case-studies"].url).content.decode()

    page.unpublish()

    assert "Soon withdrawn study" not in client.get(site_tree["case-studies"].url).content.decode()


def test_http_and_https_readers_each_get_their_own_cached_page_with_links_on_site_url(
    client, site_tree, page_cache_on, settings
):
    """The page carries absolute URLs (Open Graph, canonical), always on SITE_URL; each
    scheme still has its own cache entry, so the first reader never decides the others'."""
    settings.SITE_URL = "https://councils.example:8443"
    plain = client.get("/", secure=False)
    secure = client.get("/", secure=True)

    assert plain["X-Page-Cache"] == "miss"
    assert secure["X-Page-Cache"] == "miss"
    for response in (plain, secure):
        assert 'content="https://councils.example:8443/"' in response.content.decode()
        assert "testserver" not in response.content.decode()
    assert client.get("/", secure=True)["X-Page-Cache"] == "hit"


def test_signed_in_users_bypass_the_cache(client, site_tree, page_cache_on, editor):
    client.force_login(editor)
    client.get("/")
    assert "X-Page-Cache" not in client.get("/")


def test_hits_carry_the_headers_of_the_stored_response_and_the_outer_middleware(
    client, site_tree, page_cache_on
):
    """The page cache sits before sessions and CSRF: a hit must still look like a miss."""
    miss = client.get("/")
    hit = client.get("/")
    assert hit["X-Page-Cache"] == "hit"
    for header in ("Content-Security-Policy", "X-Frame-Options", "Permissions-Policy"):
        assert hit[header] == miss[header], header
    assert hit.content == miss.content
    assert not hit.cookies


def test_a_reader_with_a_waiting_message_gets_a_fresh_page(
    client, site_tree, page_cache_on, editor
):
    """Signing out leaves a message in its cookie: no cached page may stand in for the page
    that would read (and clear) it."""
    client.get("/")  # store the home page
    client.force_login(editor)
    client.post("/accounts/logout/")
    assert client.cookies["messages"].value
    client.cookies.pop("sessionid", None)  # signed out: only the message cookie is left
    assert client.get("/").get("X-Page-Cache") != "hit"


def test_a_hit_costs_one_redis_round_trip_and_one_query(
    client, site_tree, page_cache_on, monkeypatch, django_assert_num_queries
):
    client.get("/")
    commands = []
    send = redis.Redis.execute_command
    monkeypatch.setattr(
        redis.Redis,
        "execute_command",
        lambda self, *args, **kw: commands.append(args[0]) or send(self, *args, **kw),
    )

    with django_assert_num_queries(1):  # the generation, from the database every process shares
        response = client.get("/")

    assert response["X-Page-Cache"] == "hit"
    assert commands == ["GET"]  # the page


@pytest.fixture
def file_page_cache(settings, tmp_path):
    """The embedded default's cache: a directory every process on the machine shares."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    settings.PAGE_CACHE_SECONDS = 300


def test_the_embedded_default_caches_anonymous_pages_in_a_shared_directory(
    client, site_tree, file_page_cache, tmp_path
):
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"
    assert list((tmp_path / "cache").glob("*.djcache"))


def test_a_generation_written_by_another_process_makes_every_stored_page_a_miss(
    client, site_tree, file_page_cache
):
    """Another process's change reaches this one through the database alone: nothing in this
    process is told (tests/reliability/ shows it across real gunicorn workers)."""
    from django.db import connection

    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    with connection.cursor() as cursor:  # what another process's commit leaves behind
        cursor.execute("UPDATE core_publiccontentgeneration SET value = value + 1 WHERE id = 1")

    assert client.get("/")["X-Page-Cache"] == "miss"


def test_a_rolled_back_change_leaves_the_generation_as_it_was(site_tree):
    from django.db import transaction

    from core.page_cache import current_generation, invalidate_page_cache

    before = current_generation()
    seen_inside = []

    def failing_publish():
        with transaction.atomic():
            invalidate_page_cache()
            seen_inside.append(current_generation())
            raise RuntimeError("the publish failed")

    with pytest.raises(RuntimeError):
        failing_publish()
    assert seen_inside[0] != before  # the transaction saw its own change
    assert current_generation() == before
