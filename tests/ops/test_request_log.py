"""One structured line per request, with a request id that every other log record of the
request carries too."""

import json
import logging
import re

import pytest

from localdigital.request_log import JsonFormatter, RequestIdFilter

REQUESTS = "localdigital.requests"
GENERATED_ID = re.compile(r"[0-9a-f]{32}")


@pytest.fixture
def logged(caplog):
    """The records of the test's requests, with the request id filter the handlers have."""
    caplog.handler.addFilter(RequestIdFilter())
    caplog.set_level(logging.INFO, logger=REQUESTS)
    yield caplog
    caplog.handler.removeFilter(caplog.handler.filters[-1])


def request_lines(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == REQUESTS]


def test_each_request_is_one_line_with_its_id_and_no_query_string(client, site_tree, logged):
    response = client.get("/case-studies/?email=someone%40example.org&order=title")

    [line] = request_lines(logged)
    assert response.status_code == 200
    assert GENERATED_ID.fullmatch(response["X-Request-ID"])
    assert line.request_id == response["X-Request-ID"]
    assert (line.method, line.path, line.status) == ("GET", "/case-studies/", 200)
    assert line.duration_ms >= 0
    assert line.user_id is None
    assert line.page_cache is None
    formatted = JsonFormatter().format(line)
    assert "example.org" not in formatted
    assert "order=title" not in formatted


@pytest.mark.parametrize(
    "incoming",
    ["3f2a9c1e-2b7d-4c1a-9e0f-5a6b7c8d9e0f", "Root=1-67891233-abcdef012345678912345678"],
)
def test_a_safe_incoming_request_id_is_kept(client, db, logged, incoming):
    response = client.get("/robots.txt", HTTP_X_REQUEST_ID=incoming)
    assert response["X-Request-ID"] == incoming
    assert request_lines(logged)[0].request_id == incoming


@pytest.mark.parametrize(
    "incoming", ["short", "x" * 65, "id with spaces", "evil\r\nSet-Cookie: a=b", "<script>"]
)
def test_an_unsafe_incoming_request_id_is_replaced(client, db, logged, incoming):
    response = client.get("/robots.txt", HTTP_X_REQUEST_ID=incoming)
    assert GENERATED_ID.fullmatch(response["X-Request-ID"])
    assert request_lines(logged)[0].request_id == response["X-Request-ID"]


def test_every_record_during_a_request_carries_its_id(
    client, site_tree, logged, search_engine_unreachable
):
    response = client.get("/search/", {"q": "repairs"})

    warning = next(r for r in logged.records if r.name == "listings.search_views")
    assert response.status_code == 503
    assert warning.request_id == response["X-Request-ID"]
    assert request_lines(logged)[0].status == 503
    # Outside a request there is no id.
    logging.getLogger("tests").warning("after the request")
    assert logged.records[-1].request_id == "-"


def test_a_signed_in_user_is_logged_by_id_only(client, editor, logged):
    client.force_login(editor)
    client.get("/admin/")
    line = request_lines(logged)[-1]
    assert line.user_id == editor.pk
    assert editor.email not in JsonFormatter().format(line)


def test_page_cache_hits_are_logged_and_marked(client, site_tree, settings, redis_cache, logged):
    settings.PAGE_CACHE_SECONDS = 300
    client.get("/")
    client.get("/")
    assert [line.page_cache for line in request_lines(logged)] == ["miss", "hit"]


def test_successful_health_probes_are_not_logged(client, db, logged):
    client.get("/healthz")
    assert request_lines(logged) == []


def test_json_lines_have_the_fields_and_leave_objects_out():
    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Boom: %s", ("/x",), None
    )
    record.request_id = "abcdef123456"
    record.status_code = 500
    record.request = object()  # Django's request logger passes the request itself

    entry = json.loads(JsonFormatter().format(record))

    assert entry["message"] == "Boom: /x"
    assert entry["request_id"] == "abcdef123456"
    assert (entry["level"], entry["logger"], entry["status_code"]) == (
        "ERROR",
        "django.request",
        500,
    )
    assert "request" not in entry
    assert entry["time"].endswith("+00:00")
