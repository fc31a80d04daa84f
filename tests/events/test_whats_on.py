"""What's on: upcoming soonest first, past a click away, filters, and never a draft or a
restricted event; the home page's next events."""

from wagtail.models import PageViewRestriction

import pytest

from events.models import EventPage
from tests import factories


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    found = [(html.find(f">{title}</a>"), title) for title in ALL if f">{title}</a>" in html]
    return [title for _position, title in sorted(found)]


ALL = [
    "Soon online",
    "Later in Leeds",
    "Hybrid for leaders",
    "Cohort in March",
    "Last month",
    "Two months ago",
    "Draft event",
    "Members only",
]


@pytest.fixture
def programme(make_page, course):
    index_events = [
        ("Soon online", 3, {"attendance_mode": "online", "venue_address": "", "region": ""}),
        ("Later in Leeds", 30, {"region": "Yorkshire and The Humber"}),
        ("Hybrid for leaders", 20, {"attendance_mode": "hybrid", "audience": "leaders"}),
        ("Last month", -30, {}),
        ("Two months ago", -60, {}),
    ]
    for title, days, fields in index_events:
        make_page(
            EventPage,
            title=title,
            starts_at=factories.days_from_now(days),
            ends_at=factories.days_from_now(days, hour=12),
            **fields,
        )
    factories.EventPageFactory(
        parent=course,
        title="Cohort in March",
        starts_at=factories.days_from_now(10),
        ends_at=factories.days_from_now(10, hour=16),
        audience="digital-teams",
        attendance_mode="online",
        venue_address="",
    )
    make_page(EventPage, title="Draft event", publish=False)
    restricted = make_page(EventPage, title="Members only")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")


@pytest.mark.django_db
def test_upcoming_soonest_first_and_past_latest_first(client, site_tree, programme):
    url = site_tree["whats-on"].url
    assert titles(client, url) == [
        "Soon online",
        "Cohort in March",
        "Hybrid for leaders",
        "Later in Leeds",
    ]
    assert titles(client, url + "?when=past") == ["Last month", "Two months ago"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("event_type=course", ["Cohort in March"]),
        ("event_type=event", ["Soon online", "Hybrid for leaders", "Later in Leeds"]),
        (
            "event_type=event&event_type=course",
            ["Soon online", "Cohort in March", "Hybrid for leaders", "Later in Leeds"],
        ),
        ("attendance=online", ["Soon online", "Cohort in March", "Hybrid for leaders"]),
        ("attendance=in-person", ["Hybrid for leaders", "Later in Leeds"]),
        ("event_region=Yorkshire+and+The+Humber", ["Later in Leeds"]),
        # Events for everyone are for leaders too; the digital teams' cohort is not.
        ("audience=leaders", ["Soon online", "Hybrid for leaders", "Later in Leeds"]),
        ("audience=digital-teams", ["Soon online", "Cohort in March", "Later in Leeds"]),
        ("event_region=Wales", []),
    ],
)
def test_filters(client, site_tree, programme, query, expected):
    assert titles(client, f"{site_tree['whats-on'].url}?{query}") == expected


@pytest.mark.django_db
def test_a_bad_when_or_page_falls_back_to_upcoming_page_one(client, site_tree, programme):
    url = site_tree["whats-on"].url + "?when=tomorrow&page=-1&kind=%00"
    assert titles(client, url) == [
        "Soon online",
        "Cohort in March",
        "Hybrid for leaders",
        "Later in Leeds",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["audience=x", "event_region=Atlantis", "event_type=webinar", "attendance=" + "a" * 500],
)
def test_an_unknown_filter_value_says_nothing_matches_and_offers_to_clear(
    client, site_tree, programme, query
):
    response = client.get(f"{site_tree['whats-on'].url}?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "No events match these filters." in html
    assert f'href="{site_tree["whats-on"].url}">Clear all filters</a>' in html
    assert not [title for title in ALL if f">{title}</a>" in html]


@pytest.mark.django_db
def test_home_page_shows_the_next_three_events(client, site_tree, programme):
    html = client.get("/").content.decode()
    section = html[html.index("Next events") : html.index("Most reused patterns")]
    for title in ("Soon online", "Cohort in March", "Hybrid for leaders"):
        assert title in section
    for title in ("Later in Leeds", "Last month", "Draft event", "Members only"):
        assert title not in section
    assert "Draft event" not in html
    assert "Members only" not in html
    assert f'href="{site_tree["whats-on"].url}"' in section


@pytest.mark.django_db
def test_upcoming_event_pages_are_not_kept_in_the_shared_page_cache(client, event):
    assert "private" in client.get(event.url)["Cache-Control"]
