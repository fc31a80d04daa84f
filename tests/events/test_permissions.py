"""The permission matrix of every event view and action, for every role (as in
tests/community/test_permissions.py), and a guard that fails for an unlisted route.

Outcomes: "ok" (200), "done" (a redirect not to sign-in), "login", "refused" (403),
"missing" (404), "conflict" (409: a clear refusal, such as registering twice).
"""

from django.urls import reverse

import pytest

from events.models import EventPage, EventRegistration, EventSeriesPage
from tests.community.conftest import ROLES
from tests.community.test_permissions import expect, outcome


@pytest.fixture
def world(members, event, course, cohort, make_page, site_tree):
    draft = make_page(EventPage, title="Draft event", publish=False)
    series = make_page(EventSeriesPage, title="Show and tells")
    someone_elses = EventRegistration.objects.create(
        event=event, user=members["owner"].user, status="registered"
    )
    return {
        "event": event,
        "course": course,
        "cohort": cohort,
        "draft": draft,
        "series": series,
        "whats_on": site_tree["whats-on"],
        "registration": someone_elses,
    }


PUBLIC = expect("ok")
SIGNED_IN = expect("ok", anonymous="login")
STAFF_ONLY = expect("login", moderator="ok", editor="ok", admin="ok")
# Staff accounts have no member profile, so they cannot register ("Only members can do this").
VERIFIED_ACTION = expect("refused", anonymous="login", verified_same="done", verified_other="done")
MEMBERS_ANSWER = expect(
    "refused",
    anonymous="login",
    unverified="conflict",
    verified_same="conflict",
    verified_other="conflict",
)


def event_url(name, key="event"):
    return lambda w: reverse(f"events:{name}", args=[w[key].pk])


CASES = [
    ("what's on", "get", lambda w: w["whats_on"].url, None, PUBLIC),
    ("what's on, past", "get", lambda w: w["whats_on"].url + "?when=past", None, PUBLIC),
    (
        "what's on, nonsense filters",
        "get",
        lambda w: w["whats_on"].url + "?event_type=x&event_region=%00&audience=&when=nope&page=zz",
        None,
        PUBLIC,
    ),
    ("event page", "get", lambda w: w["event"].url, None, PUBLIC),
    ("course page", "get", lambda w: w["course"].url, None, PUBLIC),
    ("cohort page", "get", lambda w: w["cohort"].url, None, PUBLIC),
    ("series page", "get", lambda w: w["series"].url, None, PUBLIC),
    ("draft event page", "get", lambda w: w["draft"].url, None, expect("missing")),
    ("event calendar file", "get", event_url("event_calendar"), None, PUBLIC),
    (
        "draft event calendar file",
        "get",
        event_url("event_calendar", "draft"),
        None,
        expect("missing"),
    ),
    ("calendar feed", "get", lambda w: reverse("events:calendar_feed"), None, PUBLIC),
    ("my events", "get", lambda w: reverse("events:my_events"), None, SIGNED_IN),
    # GET of the action is where sign-in comes back to: it leads to the event page.
    ("register, GET", "get", event_url("register"), None, VERIFIED_ACTION),
    (
        "register for a draft",
        "post",
        event_url("register", "draft"),
        None,
        expect("refused", anonymous="login", verified_same="missing", verified_other="missing"),
    ),
    # Neither Council A nor Council B has signed the Declaration.
    (
        "register for a course cohort",
        "post",
        event_url("register", "cohort"),
        None,
        expect("refused", anonymous="login"),
    ),
    ("cancel with nothing to cancel", "get", event_url("cancel"), None, MEMBERS_ANSWER),
    ("register", "post", event_url("register"), None, VERIFIED_ACTION),
    (
        "register twice",
        "post",
        event_url("register"),
        None,
        expect("refused", anonymous="login", verified_same="conflict", verified_other="conflict"),
    ),
    (
        "cancel: are you sure?",
        "get",
        event_url("cancel"),
        None,
        expect(
            "refused",
            anonymous="login",
            unverified="conflict",
            verified_same="ok",
            verified_other="ok",
        ),
    ),
    (
        "cancel",
        "post",
        event_url("cancel"),
        None,
        expect(
            "refused",
            anonymous="login",
            unverified="conflict",
            verified_same="done",
            verified_other="done",
        ),
    ),
    (
        "admin: event registrations",
        "get",
        lambda w: "/admin/snippets/events/eventregistration/",
        None,
        STAFF_ONLY,
    ),
    (
        "admin: record attendance",
        "get",
        lambda w: reverse(
            "wagtailsnippets_events_eventregistration:edit", args=[w["registration"].pk]
        ),
        None,
        STAFF_ONLY,
    ),
]


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(world, client_for, role):
    client = client_for(role)
    wrong = []
    for name, method, url, data, expected in CASES:
        target = url(world)
        response = client.post(target, data or {}) if method == "post" else client.get(target)
        if outcome(response) != expected[role]:
            wrong.append(f"{name}: expected {expected[role]}, got {outcome(response)}")
    assert not wrong, f"as {role}:\n" + "\n".join(wrong)


def test_every_events_route_is_in_the_matrix():
    from events.urls import urlpatterns

    covered = {"calendar_feed", "event_calendar", "register", "cancel", "my_events"}
    assert {pattern.name for pattern in urlpatterns} - covered == set()
