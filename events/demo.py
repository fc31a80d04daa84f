"""Demo events and training: upcoming and past events, a series, two courses (one with two
cohorts), one full event with a waiting list, and demo members' registrations.

Idempotent: a page that exists (by slug under its parent) is left alone, and registrations
are one per person and event. Dates are set from the day the demo is first loaded, so a
fresh `make run` always has something coming up and something that has happened.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from wagtail.models import Page

from core.boilerplate import DEMO_NOTICE_HTML
from core.models import BasePage
from events.models import (
    UK_TIME,
    EventIndexPage,
    EventPage,
    EventRegistration,
    EventSeriesPage,
    RegistrationStatus,
    TrainingCoursePage,
)
from organisations.models import Organisation

NOTICE = ("callout", {"text": DEMO_NOTICE_HTML})
MANCHESTER = {
    "venue_name": "Manchester Central Library",
    "venue_address": "St Peter's Square\nManchester\nM2 5PD",
    "region": "North West",
}
LONDON = {
    "venue_name": "10 South Colonnade",
    "venue_address": "Canary Wharf\nLondon\nE14 4PU",
    "region": "London",
}
STEP_FREE = (
    "Step-free access from the street, with a lift to every floor. Hearing loop in the main "
    "room, accessible toilets on each floor and a quiet room. Tell us what else you need when "
    "you register."
)
ONLINE_ACCESS = (
    "Live captions, and the recording is captioned. Slides are shared before the session "
    "for screen reader users."
)


def at(days: int, hour: int, minute: int = 0) -> datetime.datetime:
    """`days` from today at hour:minute UK time."""
    day = timezone.now().astimezone(UK_TIME).date() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=UK_TIME)


SERIES = {
    "slug": "monthly-show-and-tell",
    "title": "Local Digital show and tell",
    "summary": "Every month, two councils show work in progress and answer questions: what "
    "they tried, what users said and what they would do differently.",
    "frequency": "Monthly, on the second Tuesday, 12pm to 1pm",
}
COURSES = [
    {
        "slug": "agile-for-councils",
        "title": "Agile for councils",
        "summary": "Two half days on planning, running and governing work in short cycles, "
        "with examples from councils that moved from waterfall projects.",
        "audience": "digital-teams",
        "duration": "Two half days",
        "what_you_will_learn": "<ul><li>Writing user stories your service team can test</li>"
        "<li>Running sprints alongside council governance</li>"
        "<li>Reporting progress without a Gantt chart</li></ul>",
    },
    {
        "slug": "service-design-for-leaders",
        "title": "Service design for leaders",
        "summary": "A day for directors and heads of service on what service design is, how "
        "to fund it and how to know whether it is working.",
        "audience": "leaders",
        "duration": "One day",
        "what_you_will_learn": "<ul><li>Reading a discovery report</li>"
        "<li>Funding teams rather than projects</li></ul>",
    },
]


def events_plan() -> list[tuple[str, dict]]:
    """(parent slug, fields) of every demo event; the parent is the index ("whats-on"), the
    series or a course."""
    return [
        (
            SERIES["slug"],
            {
                "slug": "show-and-tell-missed-bins",
                "title": "Show and tell: reporting a missed bin",
                "summary": "Two councils show how they rebuilt missed-bin reporting on the "
                "shared service pattern, and what the data showed after three months.",
                "starts_at": at(-40, 12),
                "ends_at": at(-40, 13),
                "attendance_mode": "online",
                "accessibility": ONLINE_ACCESS,
                "materials": [
                    (
                        "material",
                        {
                            "kind": "slides",
                            "title": "Slides: reporting a missed bin",
                            "link": "https://example.org/show-and-tell/missed-bins/slides",
                        },
                    ),
                    (
                        "material",
                        {
                            "kind": "recording",
                            "title": "Recording, with captions (58 minutes)",
                            "link": "https://example.org/show-and-tell/missed-bins/recording",
                        },
                    ),
                    (
                        "material",
                        {
                            "kind": "notes",
                            "title": "Notes and questions from the chat",
                            "link": "https://example.org/show-and-tell/missed-bins/notes",
                        },
                    ),
                ],
            },
        ),
        (
            SERIES["slug"],
            {
                "slug": "show-and-tell-housing-repairs",
                "title": "Show and tell: booking a housing repair",
                "summary": "How a council cut the time to book a repair from 22 minutes to 4, "
                "and what it learnt from tenants who do not use the internet.",
                "starts_at": at(20, 12),
                "ends_at": at(20, 13),
                "attendance_mode": "online",
                "joining_instructions": "Join on the day: https://example.org/join/show-and-tell",
                "accessibility": ONLINE_ACCESS,
                "capacity": 200,
            },
        ),
        (
            "whats-on",
            {
                "slug": "local-digital-meetup-manchester",
                "title": "Local Digital meetup: Manchester",
                "summary": "An afternoon of talks and open conversation for digital teams in "
                "the North West, with a stream for those who cannot travel.",
                "starts_at": at(45, 13, 30),
                "ends_at": at(45, 17),
                "attendance_mode": "hybrid",
                "joining_instructions": "The stream link is emailed the day before.",
                "accessibility": STEP_FREE,
                "capacity": 60,
                "organisations": ["MAN"],
                **MANCHESTER,
            },
        ),
        (
            "whats-on",
            {
                "slug": "writing-a-procurement-brief-workshop",
                "title": "Workshop: writing a procurement brief suppliers can answer",
                "summary": "A small, hands-on workshop: bring a brief you are writing and leave "
                "with clearer outcomes, evaluation criteria and weightings.",
                "starts_at": at(12, 10),
                "ends_at": at(12, 15, 30),
                "attendance_mode": "in-person",
                "accessibility": STEP_FREE,
                # Full, with a waiting list: the place goes to the next in line on a cancel.
                "capacity": 1,
                **LONDON,
            },
        ),
        (
            "agile-for-councils",
            {
                "slug": "agile-for-councils-spring-cohort",
                "title": "Agile for councils: spring cohort",
                "summary": "Two online half days, a week apart.",
                "starts_at": at(30, 9, 30),
                "ends_at": at(37, 12, 30),
                "attendance_mode": "online",
                "audience": "digital-teams",
                "joining_instructions": "Joining details for both days come with your place.",
                "accessibility": ONLINE_ACCESS,
                "capacity": 24,
            },
        ),
        (
            "agile-for-councils",
            {
                "slug": "agile-for-councils-autumn-cohort",
                "title": "Agile for councils: autumn cohort",
                "summary": "Two online half days, a week apart.",
                "starts_at": at(-70, 9, 30),
                "ends_at": at(-63, 12, 30),
                "attendance_mode": "online",
                "audience": "digital-teams",
                "accessibility": ONLINE_ACCESS,
                "capacity": 24,
            },
        ),
        (
            "service-design-for-leaders",
            {
                "slug": "service-design-for-leaders-london",
                "title": "Service design for leaders: London",
                "summary": "One day in person, with lunch.",
                "starts_at": at(60, 9, 30),
                "ends_at": at(60, 16, 30),
                "attendance_mode": "in-person",
                "audience": "leaders",
                "accessibility": STEP_FREE,
                "capacity": 30,
                **LONDON,
            },
        ),
    ]


# (event slug, demo username, status, attendance): Gareth holds the workshop's one place and
# Amara waits for it, so cancelling as Gareth moves Amara up.
REGISTRATIONS = [
    ("writing-a-procurement-brief-workshop", "member-gareth", "registered", ""),
    ("writing-a-procurement-brief-workshop", "member-amara", "waiting", ""),
    ("agile-for-councils-autumn-cohort", "member-amara", "registered", "attended"),
    ("agile-for-councils-spring-cohort", "member-gareth", "registered", ""),
    ("show-and-tell-missed-bins", "member-amara", "registered", "attended"),
]


def announcement_day(fields: dict, taken: set[datetime.date]) -> datetime.date:
    """A day some weeks before the event (or before today) that no other page has, so each
    demo page is dated, in what's new and the feeds, by a day of its own."""
    today = timezone.localdate()
    starts = fields.get("starts_at")
    day = min(today, starts.date() if starts else today) - datetime.timedelta(days=21)
    while day in taken:
        day -= datetime.timedelta(days=1)
    taken.add(day)
    return day


def page_ensure(model, parent, fields: dict, taken: set[datetime.date]):
    existing = model.objects.child_of(parent).filter(slug=fields["slug"]).first()
    if existing is not None:
        return existing, False
    fields = dict(fields)
    codes = fields.pop("organisations", [])
    fields.setdefault("body", [NOTICE])
    announced = announcement_day(fields, taken)
    page = parent.add_child(instance=model(**fields, date=announced, last_reviewed=announced))
    page.organisations = list(Organisation.objects.filter(code__in=codes))
    page.save_revision().publish()
    # As the other demo pages: first published on the day it says, not the load's.
    published_at = datetime.datetime.combine(announced, datetime.time(9), tzinfo=UK_TIME)
    Page.objects.filter(pk=page.pk).update(
        first_published_at=published_at, last_published_at=published_at
    )
    return page, True


@transaction.atomic
def events_demo_load() -> dict:
    index = EventIndexPage.objects.first()
    if index is None:  # the site tree makes it; nothing to hang events on without it
        return {"pages_created": 0, "registrations_created": 0}
    parents = {"whats-on": index}
    created = 0
    taken = set(BasePage.objects.values_list("date", flat=True))
    series, was_created = page_ensure(EventSeriesPage, index, SERIES, taken)
    parents[series.slug] = series
    created += was_created
    for course_fields in COURSES:
        course, was_created = page_ensure(TrainingCoursePage, index, course_fields, taken)
        parents[course.slug] = course
        created += was_created
    events = {}
    for parent_slug, fields in events_plan():
        event, was_created = page_ensure(EventPage, parents[parent_slug], fields, taken)
        events[event.slug] = event
        created += was_created
    users = {
        user.username: user
        for user in get_user_model().objects.filter(
            username__in={username for _slug, username, _status, _attended in REGISTRATIONS}
        )
    }
    registrations = 0
    for slug, username, status, attendance in REGISTRATIONS:
        user = users.get(username)
        if user is None:  # demo members exist only under development settings
            continue
        _registration, was_created = EventRegistration.objects.get_or_create(
            event=events[slug],
            user=user,
            defaults={
                "status": RegistrationStatus(status),
                "attendance": attendance,
                "organisation": getattr(
                    getattr(user, "member_profile", None), "organisation", None
                ),
            },
        )
        registrations += was_created
    return {"pages_created": created, "registrations_created": registrations}
