"""Requests generated from the API's own OpenAPI description never get a server error.

schemathesis reads /api/v2/openapi.json's description and sends what it allows and much it
does not (wrong types, huge numbers, control characters, repeated parameters) to the WSGI
application in this process, against the API test corpus. Run by hand with thousands of
cases, it found four 500s (find/?id=null, a 30-digit offset, `"` in a documents search);
here each operation gets a few dozen cases per run, on SQLite and on PostgreSQL in CI.
"""

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from localdigital.openapi import SiteAddresses, openapi_document

# The schema is read when tests are collected, before there is a database to read the page
# tree from, so the site's addresses are given here; only the API's own paths are fuzzed.
ADDRESSES = SiteAddresses(
    guide="/developers/api/",
    api_root="/api/v2",
    case_studies="/case-studies/",
    organisations="/organisations/",
    tags="/tags/",
    service_areas="/service-areas/",
    search="/search/",
)
schema = schemathesis.openapi.from_dict(openapi_document(ADDRESSES))
schema.app = get_wsgi_application()


@pytest.fixture
def test_transaction_kept_open():
    """The WSGI handler closes a connection inside a transaction at the end of each request,
    which on PostgreSQL is the test's own; Django's test client holds it open the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_generated_api_request_is_a_server_error(case, corpus, test_transaction_kept_open):
    case.call_and_validate(checks=[not_a_server_error])
