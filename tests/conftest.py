"""Shared fixtures: a real site tree, content factories, users in Wagtail's groups."""

from django.contrib.auth.models import Group
from django.core.cache import cache

import pytest

from tests import factories
from tests.db import page_make, site_tree_ensure


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def redis_cache(settings):
    """The default cache on the Redis server, under a key prefix of this test's own.

    Skipped when no Redis server answers (a laptop without one); CI sets REQUIRE_REDIS=1,
    which turns that skip into a failure. Only this test's keys are removed afterwards:
    never FLUSHDB on a server other runs may share.
    """
    import os
    import uuid

    import redis

    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail(f"REQUIRE_REDIS=1 but Redis at {url} does not answer: {error}")
        pytest.skip(f"no Redis server at {url}")
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    }
    yield cache
    cache.delete_pattern("*")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, with the site tree and reference taxonomies built once per worker.

    Building them is about 900 queries; most tests need them, and each test's transaction is
    rolled back, so they stay as built. A transactional test ends with a flush, after which
    the `site_tree` fixture of the next test builds them again.
    """
    from django.db import connection

    with django_db_blocker.unblock():
        site_tree_ensure()
        if getattr(connection, "_test_serialized_contents", None) is not None:
            # Serialized rollback reloads this snapshot at the start of a test without
            # flushing first: it must be the database as seeded, or it would bring back the
            # placeholder page and site that seeding replaced.
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture
def site_tree(db):
    """Home page, the index pages and standard pages, built by the same code as `make run`.

    Already there (see django_db_setup) unless a transactional test flushed them: then the
    same idempotent code builds what is missing.
    """
    return site_tree_ensure()


@pytest.fixture
def organisation(db):
    return factories.OrganisationFactory(
        code="HCK", slug="hackney", name="Hackney", region="London"
    )


@pytest.fixture
def make_page(site_tree):
    """make_page(Model, **fields): a published page of Model under its index page."""

    def _make(model, **kwargs):
        return page_make(site_tree, model, **kwargs)

    return _make


@pytest.fixture
def editor(db, django_user_model):
    user = django_user_model.objects.create_user("ed", "ed@example.org", "a-long-test-password")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def moderator(db, django_user_model):
    user = django_user_model.objects.create_user("mo", "mo@example.org", "a-long-test-password")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(
        "root", "root@example.org", "a-long-test-password"
    )


@pytest.fixture
def search_engine_at(settings, monkeypatch):
    """search_engine_at(url): the site's search engine is the server at `url` (SEARCH_URL),
    with short timeouts and a fresh backend, so no pause left by another test carries over."""
    import search.backends

    def point(url: str):
        monkeypatch.setattr(search.backends, "_elasticsearch", None)
        settings.SEARCH_URL = url
        settings.SEARCH_CONNECT_TIMEOUT = 1
        settings.SEARCH_READ_TIMEOUT = 1
        settings.SEARCH_WRITE_TIMEOUT = 1
        return url

    return point


@pytest.fixture
def search_engine_unreachable(search_engine_at):
    """SEARCH_URL points at a local port nothing listens on."""
    from tests import outages

    return search_engine_at(outages.closed_port_url())
