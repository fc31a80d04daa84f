"""What's on reads through the listing path: its downloads hold the page's events under the
page's filters, drafts and private events never appear, ended events move to past, and the
cost does not grow with the number of events."""
# ruff: noqa: F811 - the programme fixture imported below is requested by name, as pytest does

import json

from wagtail.models import PageViewRestriction

import pytest

from events import services
from events.models import EventPage
from tests import factories
from tests.events.test_whats_on import ALL, programme, titles  # noqa: F401 - a fixture

QUERIES = [
    "",
    "when=past",
    "event_type=course",
    "event_type=event&attendance=in-person",
    "attendance=online&audience=leaders",
    "event_region=Yorkshire+and+The+Humber",
    "audience=digital-teams&when=past",
    "event_region=Wales",
]


def download(client, url, fmt):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'.{fmt}"')
    return response.content.decode().lstrip("\ufeff")


@pytest.mark.django_db
@pytest.mark.parametrize("query", QUERIES)
def test_downloads_hold_the_pages_events_in_its_order(client, site_tree, programme, query):
    url = f"{site_tree['whats-on'].url}?{query}"
    on_page = titles(client, url)
    as_json = json.loads(download(client, f"{url}&format=json", "json"))
    assert [row["title"] for row in as_json["results"]] == on_page
    assert as_json["total"] == len(on_page)
    csv_lines = download(client, f"{url}&format=csv", "csv").splitlines()[1:]
    assert [line.split(",")[1] for line in csv_lines] == on_page


@pytest.mark.django_db
def test_the_download_links_keep_the_filters(client, site_tree, programme):
    html = client.get(f"{site_tree['whats-on'].url}?when=past&audience=leaders").content.decode()
    assert "?when=past&amp;audience=leaders&amp;format=csv" in html


@pytest.mark.django_db
def test_drafts_and_private_events_never_appear_on_the_page_or_in_downloads(
    client, site_tree, programme
):
    for query in ("", "when=past", "format=json", "when=past&format=json", "format=csv"):
        body = client.get(f"{site_tree['whats-on'].url}?{query}").content.decode()
        assert "Draft event" not in body
        assert "Members only" not in body


@pytest.mark.django_db
def test_an_event_made_private_leaves_whats_on(client, site_tree, make_page):
    event = make_page(EventPage, title="Soon to be private")
    assert titles_in(client, site_tree) == ["Soon to be private"]
    PageViewRestriction.objects.create(page=event, restriction_type="login")
    assert titles_in(client, site_tree) == []


def titles_in(client, site_tree, query="format=json"):
    body = client.get(f"{site_tree['whats-on'].url}?{query}").content
    return [row["title"] for row in json.loads(body)["results"]]


@pytest.mark.django_db
def test_an_event_that_has_ended_moves_to_past_when_refreshed(client, site_tree, make_page):
    event = make_page(
        EventPage,
        title="Ends soon",
        starts_at=factories.days_from_now(1),
        ends_at=factories.days_from_now(1, hour=12),
    )
    # Time passes without a publish: the index still files it under upcoming.
    EventPage.objects.filter(pk=event.pk).update(
        starts_at=factories.days_from_now(-1), ends_at=factories.days_from_now(-1, hour=12)
    )
    assert titles_in(client, site_tree) == ["Ends soon"]
    assert services.whats_on_refresh() == 1
    assert titles_in(client, site_tree) == []
    assert titles_in(client, site_tree, "when=past&format=json") == ["Ends soon"]
    assert services.whats_on_refresh() == 0


@pytest.mark.django_db
def test_facet_counts_say_what_each_filter_would_bring(client, site_tree, programme):
    html = client.get(f"{site_tree['whats-on'].url}?event_type=course").content.decode()
    for heading in ("Event or training", "Online or in person", "Audience", "Event region"):
        assert heading in html
    # Filters that are not What's on's are not offered.
    assert ">Organisation<" not in html
    assert ">Tag<" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "when=past&attendance=online", "format=json"])
def test_whats_on_costs_the_same_for_many_events(
    client, site_tree, make_page, django_assert_max_num_queries, query
):
    url = f"{site_tree['whats-on'].url}?{query}"

    def add_events(count, first_day):
        for day in range(first_day, first_day + count):
            for sign in (1, -1):
                make_page(
                    EventPage,
                    title=f"Event {'in' if sign > 0 else 'before'} {day}",
                    starts_at=factories.days_from_now(sign * day),
                    ends_at=factories.days_from_now(sign * day, hour=12),
                    attendance_mode="online",
                    venue_address="",
                )

    def queries_for(visit: str) -> int:
        # A parameter What's on ignores makes each request miss the shared page cache.
        client.get(f"{url}&visit=warm-{visit}")  # warms the per-process caches
        with django_assert_max_num_queries(25) as captured:
            assert client.get(f"{url}&visit={visit}").status_code == 200
        return len(captured.captured_queries)

    add_events(2, 1)
    few = queries_for("few")
    add_events(11, 3)
    assert queries_for("many") <= few
