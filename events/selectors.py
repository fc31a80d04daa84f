"""Reads for events: what's on (through the listing path), places left, someone's registration, training history."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import QueryDict
from django.utils import timezone

from community.models import DeclarationPage
from events.models import EventPage, EventRegistration, RegistrationStatus
from listings import selectors as listings
from search.models import SearchDocumentFacet

WHATS_ON_PAGE_SIZE = 20
# The filters What's on shows (search.services.FACETS, from EventPage.listing_facets).
WHATS_ON_FACETS = ("event_type", "attendance", "audience", "event_region")
# Upcoming: soonest first; past: the most recent first (listings' "starts" orders).
WHATS_ON_ORDERS = {"upcoming": "starts-soonest", "past": "starts-latest"}
REMINDER_WINDOW = datetime.timedelta(hours=24)


def public_events() -> QuerySet:
    """Live events anyone may read: never a draft, never a page behind a restriction."""
    return EventPage.objects.live().public()


def with_place_counts(queryset: QuerySet) -> QuerySet:
    return queryset.annotate(
        registered_count=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)
        )
    )


def upcoming_events(*, limit: int, now=None) -> list[EventPage]:
    """The next events that have not finished, soonest first (the home page's list)."""
    now = now or timezone.now()
    return list(
        with_place_counts(public_events().filter(ends_at__gt=now)).order_by("starts_at", "pk")[
            :limit
        ]
    )


def clean_when(value) -> str:
    """ "upcoming" (the default, and the answer to anything else) or "past"."""
    return "past" if str(value or "").strip()[:8] == "past" else "upcoming"


def whats_on_request_data(query) -> QueryDict:
    """What's on's own parameters from the URL, its order decided by upcoming or past.

    Only What's on's facets are read, so the page, its download and its filter form hold
    the same filters; anything else in the URL is left out rather than narrowing the list
    without showing why. The listing path cleans and bounds every value."""
    data = QueryDict(mutable=True)
    for name in WHATS_ON_FACETS:
        data.setlist(name, query.getlist(name))
    data["page"] = query.get("page", "1")
    data["order"] = WHATS_ON_ORDERS[clean_when(query.get("when"))]
    return data


def whats_on_listing(query, *, page_size: int = WHATS_ON_PAGE_SIZE) -> listings.Listing:
    """One page of What's on: live, public events through the one listing path (the search
    index), upcoming soonest first or past latest first, narrowed by the URL's filters."""
    return listings.read_listing(
        whats_on_request_data(query),
        model=EventPage,
        fixed=whats_on_fixed(query),
        page_size=page_size,
    )


def whats_on_filter_groups(results) -> list[listings.FilterGroup]:
    """What's on's four filters, in search.services.FACETS order; the other facets of the
    index (type, tag, organisation...) are not What's on's questions."""
    others = {facet.name for facet in results.facets if facet.name not in WHATS_ON_FACETS}
    return listings.filter_groups(results, exclude=others)


def whats_on_fixed(query) -> dict[str, tuple[str, ...]]:
    return {"when": (clean_when(query.get("when")),)}


def whats_on_hits(query) -> tuple[list, int]:
    """Every event of What's on under the URL's filters, as its download holds them."""
    return listings.listing_hits(
        whats_on_request_data(query), model=EventPage, fixed=whats_on_fixed(query)
    )


def child_events(parent) -> tuple[list[EventPage], list[EventPage]]:
    """A series' or course's live events: (upcoming soonest first, past latest first)."""
    now = timezone.now()
    events = list(with_place_counts(public_events().child_of(parent)).order_by("starts_at", "pk"))
    upcoming = [event for event in events if event.ends_at > now]
    past = [event for event in events if event.ends_at <= now]
    return upcoming, past[::-1]


@dataclass(frozen=True)
class Places:
    capacity: int | None
    registered: int
    waiting: int

    @property
    def left(self) -> int | None:
        return None if self.capacity is None else max(0, self.capacity - self.registered)

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.registered >= self.capacity


def event_places(event: EventPage) -> Places:
    counts = dict(
        EventRegistration.objects.filter(event=event)
        .values_list("status")
        .annotate(total=Count("pk"))
        .values_list("status", "total")
    )
    return Places(
        capacity=event.capacity,
        registered=counts.get(RegistrationStatus.REGISTERED, 0),
        waiting=counts.get(RegistrationStatus.WAITING, 0),
    )


def registration_for(*, event: EventPage, user) -> EventRegistration | None:
    """The user's active registration (a place or on the waiting list), or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        EventRegistration.objects.filter(
            event=event,
            user=user,
            status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITING],
        )
        .order_by()
        .first()
    )


def waiting_position(registration: EventRegistration) -> int:
    """1 for the first in the queue."""
    return (
        EventRegistration.objects.filter(
            event_id=registration.event_id, status=RegistrationStatus.WAITING
        )
        .filter(
            Q(queued_at__lt=registration.queued_at)
            | Q(queued_at=registration.queued_at, pk__lt=registration.pk)
        )
        .count()
        + 1
    )


def member_registrations(*, user) -> tuple[list, list]:
    """The user's events that are still to come (with a place or waiting) and their past
    training: (upcoming, training history)."""
    now = timezone.now()
    rows = list(
        EventRegistration.objects.filter(user=user, event__live=True)
        .select_related("event")
        .order_by("event__starts_at")
    )
    upcoming = [row for row in rows if row.is_active and row.event.ends_at > now]
    history = [
        row
        for row in rows
        if row.event.is_training
        and row.event.ends_at <= now
        and row.status == RegistrationStatus.REGISTERED
    ][::-1]
    return upcoming, history


def registrations_due_reminder(*, now=None) -> QuerySet:
    """Places at live events starting within a day whose holders have had no reminder."""
    now = now or timezone.now()
    return (
        EventRegistration.objects.filter(
            status=RegistrationStatus.REGISTERED,
            reminder_sent_at__isnull=True,
            event__live=True,
            event__starts_at__gt=now,
            event__starts_at__lte=now + REMINDER_WINDOW,
        )
        .select_related("event", "user")
        .order_by("pk")
    )


def calendar_events(*, now=None, past_days: int = 31) -> QuerySet:
    """What the iCalendar feed holds: upcoming events, and the last month's so a calendar
    that subscribed keeps what it already showed."""
    now = now or timezone.now()
    return (
        public_events()
        .filter(ends_at__gt=now - datetime.timedelta(days=past_days))
        .order_by("starts_at", "pk")
    )


def declaration_url() -> str | None:
    """Where an organisation signs up, for the message that a course is for signatories."""
    page = DeclarationPage.objects.live().public().first()
    return page.url if page else None


def events_due_past_in_index(*, now=None) -> list[int]:
    """Events the search index still files under "upcoming" although they have ended."""
    now = now or timezone.now()
    flagged = SearchDocumentFacet.objects.filter(
        value__facet="when", value__value="upcoming"
    ).values("document_id")
    return list(
        EventPage.objects.filter(pk__in=flagged, ends_at__lte=now)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
