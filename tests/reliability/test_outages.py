"""A part down, the rest up: the site served as in production (gunicorn, production
settings) with the search engine, the database or Redis unreachable (a local port nothing
listens on), read over HTTP as a reader and a load balancer would.
"""

import json
import time
import urllib.error
import urllib.request

import pytest

from tests import outages
from tests.reliability.served import fetch

pytestmark = pytest.mark.django_db

# A page that needs no search engine must not wait for it: well under the engine's timeouts.
QUICK_SECONDS = 5

PUBLISH_WHILE_DOWN = """
from django_tasks_db.models import DBTaskResult
from casestudies.models import CaseStudyPage
from search.models import PendingEngineWrite, SearchDocument

page = CaseStudyPage.objects.get(slug="stays")
page.title = "Coherence study stays, revised"
page.save_revision().publish()
retry = DBTaskResult.objects.filter(task_path="search.engine_sync.sync_search_engine").get()
print(CaseStudyPage.objects.get(slug="stays").live,
      SearchDocument.objects.get(page_id=page.pk).title,
      list(PendingEngineWrite.objects.values_list("page_id", flat=True)) == [page.pk],
      retry.run_after is not None)
"""


def get(url: str, headers: dict, timeout: float = 30) -> tuple[int, dict, str]:
    request = urllib.request.Request(url, headers={"Connection": "close", **headers})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def json_log_lines(site, url: str) -> list[dict]:
    port = url.rsplit(":", 1)[1]
    lines = []
    for line in (site.directory / f"gunicorn-{port}.log").read_text().splitlines():
        if line.startswith("{"):
            lines.append(json.loads(line))
    return lines


def timed_fetch(url: str):
    started = time.monotonic()
    status, headers, body = fetch(url)
    return status, headers, body, time.monotonic() - started


def test_search_engine_down_search_says_so_and_every_other_page_works(served_site):
    served_site.extra_env["SEARCH_URL"] = outages.closed_port_url()
    with served_site.gunicorn(workers=2) as url:
        search = timed_fetch(url + "/search/?q=coherence&email=someone%40example.org")
        api = timed_fetch(url + "/api/v2/pages/?search=coherence")
        pages = {
            path: timed_fetch(url + path)
            for path in (
                "/",
                "/case-studies/",
                "/case-studies/stays/",
                "/organisations/hackney/",
                "/search/",
                "/api/v2/pages/",
            )
        }
        health = fetch(url + "/healthz")
        published = served_site.python(PUBLISH_WHILE_DOWN)
        listing_after = fetch(url + "/case-studies/")[2]
        log = json_log_lines(served_site, url)

    status, headers, body, took = search
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "Search is not available at the moment" in body
    assert 'href="/case-studies/"' in body
    assert took < QUICK_SECONDS
    assert api[0] == 503
    assert "not available" in json.loads(api[2])["message"]
    for path, (status, _headers, _body, took) in pages.items():
        assert status == 200, path
        assert took < QUICK_SECONDS, (path, took)
    assert "Coherence study stays" in pages["/case-studies/"][2]

    assert health[0] == 200
    assert json.loads(health[2]) == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "ok", "search": "failing"},
    }

    # An editor publishing while the engine is down: live, listed, and kept for the engine
    # with a retry queued for the worker.
    # (The last line: production settings log JSON lines to stdout too, the engine's warning.)
    assert published.splitlines()[-1].split() == [
        "True",
        "Coherence",
        "study",
        "stays,",
        "revised",
        "True",
        "True",
    ]
    assert "Coherence study stays, revised" in listing_after

    # Production logs are JSON lines: the 503's request line and the warning that explains
    # it carry the id the reader was given, and the query string is nowhere.
    request_id = search[1]["X-Request-ID"]
    of_request = [entry for entry in log if entry.get("request_id") == request_id]
    request_line = next(entry for entry in of_request if entry["logger"] == "localdigital.requests")
    assert (request_line["path"], request_line["status"]) == ("/search/", 503)
    assert request_line["duration_ms"] < QUICK_SECONDS * 1000
    assert any("search engine unavailable" in entry["message"] for entry in of_request)
    assert not any("example.org" in json.dumps(entry) for entry in log)


def test_health_says_503_when_the_database_is_down_and_degraded_when_redis_is(served_site):
    no_database = f"postgres://nobody@127.0.0.1:{outages.closed_port()}/nowhere"
    no_redis = f"redis://127.0.0.1:{outages.closed_port()}/0"

    with served_site.gunicorn(workers=1, DATABASE_URL=no_database) as url:
        database_down = fetch(url + "/healthz")
        home_without_database = fetch(url + "/")
    with served_site.gunicorn(workers=1, REDIS_URL=no_redis) as url:
        redis_down = fetch(url + "/healthz")
        # A load balancer probing the instance by its address, over plain HTTP.
        by_address = get(url + "/healthz", {"Host": "10.0.3.7"})
        page_by_address = get(url + "/", {"Host": "10.0.3.7"})
        home_without_redis = fetch(url + "/")

    assert database_down[0] == 503
    assert json.loads(database_down[2]) == {
        "status": "unavailable",
        "checks": {"database": "failing", "cache": "ok"},
    }
    assert database_down[1]["Cache-Control"] == "no-store"
    assert home_without_database[0] == 503

    assert redis_down[0] == 200
    assert json.loads(redis_down[2]) == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "failing"},
    }
    assert home_without_redis[0] == 200
    assert by_address[0] == 200
    assert json.loads(by_address[2])["status"] == "degraded"
    assert page_by_address[0] == 400  # the Host check still guards every page
