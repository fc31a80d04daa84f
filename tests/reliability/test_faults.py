"""Faults survived: Redis stopped mid-traffic, PostgreSQL restarted under load.

Each test starts its own server instance (tests/reliability/instances.py) and stops only that;
the machine's shared Redis and PostgreSQL are never touched. The site runs under gunicorn with
production settings, as the README's production command runs it.
"""

import http.cookiejar
import re
import subprocess
import threading
import time
import typing
import urllib.parse
import urllib.request

import pytest

from tests.reliability import served
from tests.reliability.conftest import SEED
from tests.reliability.instances import OwnPostgres, OwnRedis, postgres_binary

pytestmark = pytest.mark.django_db

PAGES = (
    "/",
    "/case-studies/",
    "/case-studies/stays/",
    "/search/?q=coherence",
    "/case-studies/?format=json",
    "/organisations/",
)


class Answer(typing.NamedTuple):
    sent: float  # time.monotonic() when the request went out
    received: float  # ... and when its answer (or error) came back
    path: str
    status: int  # 0 when the connection itself failed
    cache: str  # X-Page-Cache: "hit", "miss" or ""


class Traffic:
    """Anonymous readers requesting PAGES in a loop from several threads, until stopped."""

    def __init__(self, base_url: str, threads: int = 4):
        self.base_url = base_url
        self.answers: list[Answer] = []
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._read, args=(n,)) for n in range(threads)]

    def _read(self, offset: int) -> None:
        n = offset
        while not self._stop.is_set():
            path = PAGES[n % len(PAGES)]
            n += 1
            sent = time.monotonic()
            try:
                status, headers, _body = served.fetch(self.base_url + path, timeout=15)
            except OSError as error:  # a refused or reset connection is an error too
                status, headers = 0, {"error": str(error)}
            self.answers.append(
                Answer(sent, time.monotonic(), path, status, headers.get("X-Page-Cache", ""))
            )

    def __enter__(self):
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=30)

    def wait_for(self, count: int, *, since: float = 0.0, timeout: float = 60.0) -> None:
        """Until `count` requests sent after `since` have been answered: a loaded machine
        answers more slowly, and a fixed pause then measured too little to tell anything."""
        deadline = time.monotonic() + timeout
        while len(self.within(since)) < count and time.monotonic() < deadline:
            time.sleep(0.1)

    def within(self, start: float, end: float = float("inf")) -> list[Answer]:
        """The requests sent and answered entirely between start and end."""
        return [a for a in self.answers if start <= a.sent and a.received < end]

    def statuses(self, answers=None) -> list[int]:
        return sorted({a.status for a in (self.answers if answers is None else answers)})


def failed_sign_in(base_url: str) -> int:
    """A wrong password through the real sign-in form (CSRF and all); the response status."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(base_url + "/accounts/login/", timeout=15).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "login": "nobody@example.org", "password": "wrong-one"}
    ).encode()
    try:
        with opener.open(base_url + "/accounts/login/", data=data, timeout=15) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_redis_stopped_mid_traffic_costs_no_errors_and_the_cache_comes_back(served_site):
    own_redis = OwnRedis()
    own_redis.start()
    served_site.extra_env["REDIS_URL"] = own_redis.url
    try:
        with served_site.gunicorn(workers=2) as url, Traffic(url) as traffic:
            traffic.wait_for(10)
            assert failed_sign_in(url) == 200
            own_redis.stop()
            stopped_at = time.monotonic()
            traffic.wait_for(11, since=stopped_at)
            sign_in_while_down = failed_sign_in(url)
            restarting_at = time.monotonic()
            own_redis.start()
            started_at = time.monotonic()
            traffic.wait_for(20, since=started_at + 1)
    finally:
        own_redis.stop()

    assert sign_in_while_down == 200  # the form answers; django-axes still counts in the database
    assert traffic.statuses() == [200]
    during = traffic.within(stopped_at, restarting_at)
    assert len(during) > 10, "too little traffic while Redis was down to tell anything"
    hits = [
        (round(a.sent - stopped_at, 2), round(a.received - stopped_at, 2), a.path)
        for a in during
        if a.cache == "hit"
    ]
    assert not hits, hits  # nothing to hit: Redis is down
    assert any(a.cache == "hit" for a in traffic.within(started_at + 1))


@pytest.fixture
def site_on_own_postgres(migrated_template, tmp_path, collected_static):
    """The site on a PostgreSQL cluster of the test's own, copied from the migrated template."""
    if migrated_template.vendor != "postgresql":
        pytest.skip("runs in the PostgreSQL run of the suite (.ci/run sets DATABASE_URL)")
    cluster = OwnPostgres()
    try:
        cluster.init()
        cluster.start()
        template_url = served._postgres_url(migrated_template.settings_dict, migrated_template.name)
        subprocess.run(  # noqa: S603
            [
                postgres_binary("createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(cluster.port),
                "-U",
                "postgres",
                "site",
            ],
            check=True,
        )
        dump = subprocess.run(  # noqa: S603
            [postgres_binary("pg_dump"), "--no-owner", template_url],
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(  # noqa: S603
            [postgres_binary("psql"), "-q", "-v", "ON_ERROR_STOP=1", f"{cluster.url_base}/site"],
            input=dump,
            check=True,
            capture_output=True,
        )
        site = served.ServedSite(
            directory=tmp_path,
            database_url=f"{cluster.url_base}/site",
            extra_env={"STATIC_ROOT": str(collected_static)},
        )
        site.python(SEED)
        yield site, cluster
    finally:
        cluster.stop()


def test_the_site_recovers_by_itself_when_postgresql_restarts(site_on_own_postgres):
    site, cluster = site_on_own_postgres
    with site.gunicorn(workers=2) as url, Traffic(url) as traffic:
        traffic.wait_for(10)
        restart_began = time.monotonic()
        cluster.restart()
        restarted_at = time.monotonic()
        traffic.wait_for(11, since=restarted_at + 1)
    log = next(site.directory.glob("gunicorn-*.log")).read_text()

    before = traffic.within(0, restart_began)
    after = traffic.within(restarted_at + 1)
    assert before
    assert traffic.statuses(before) == [200]
    # Within a second of the server being back, every request of every worker succeeds.
    assert len(after) > 10
    assert traffic.statuses(after) == [200]
    # While it was down, readers were told the service is unavailable, never "a problem".
    assert set(traffic.statuses()) <= {200, 503}
    assert log.count("Booting worker") == 2, "a worker was restarted"


def test_a_database_that_cannot_be_reached_is_a_503_that_says_so(tmp_path, collected_static):
    """What readers get while the database is down (the restart test's 503s), on a real
    gunicorn whose database server does not answer at all."""
    site = served.ServedSite(
        directory=tmp_path,
        database_url=f"postgres://postgres@127.0.0.1:{served.free_port()}/nowhere",
        extra_env={"STATIC_ROOT": str(collected_static)},
    )
    with site.gunicorn(workers=1) as url:
        status, headers, body = served.fetch(url + "/case-studies/")
        api_status, _headers, api_body = served.fetch(url + "/api/v2/pages/")
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "Sorry, the service is unavailable" in body
    assert api_status == 503
    assert "service unavailable" in api_body
