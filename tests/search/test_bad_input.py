"""Property-based: any query and any parameters give 200 or 400, never a 500, quickly."""

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

PARAMS = [
    "q",
    "page",
    "sort",
    "type",
    "tag",
    "service_area",
    "organisation",
    "nation",
    "region",
    "year",
    "unknown",
    "page_size",
]
NASTY = st.sampled_from(
    [
        '"',
        "*",
        "AND",
        "OR",
        "NOT",
        "NEAR(",
        ")",
        "(",
        ":",
        "^",
        "-",
        "\x00",
        "\u202e",
        "😀",
        "' OR 1=1 --",
        "<script>",
        "&",
        "|",
        "!",
        "<->",
        ":*",
        "\\",
        "%",
        "_",
        "99999999999999999999",
        "-1",
        "0",
        "1e9",
        " ",
        "ﬁ",
        "İ",
        "ǅ",
    ]
)
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(NASTY, st.text(max_size=8)), max_size=30).map("".join),
)
VALUES = st.lists(TEXT, max_size=3)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(params=st.dictionaries(st.sampled_from(PARAMS), VALUES, max_size=6), suggest=TEXT)
def test_any_query_and_parameters_give_200_or_400(client, corpus, params, suggest):
    started = time.perf_counter()
    response = client.get("/search/", {key: values for key, values in params.items()})
    assert response.status_code in (200, 400)
    response = client.get("/search/suggest/", {"q": suggest})
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)
    assert time.perf_counter() - started < 5
