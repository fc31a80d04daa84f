"""Reads for events: what's on, places left, someone's registration, training history."""

import datetime
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from wagtail.models import Page

from community.models import DeclarationPage
from events.forms import WhatsOnFilters
from events.models import (
    Audience,
    EventPage,
    EventRegistration,
    EventSeriesPage,
    RegistrationStatus,
    TrainingCoursePage,
)

WHATS_ON_PAGE_SIZE = 20
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


def whats_on(*, filters: WhatsOnFilters, now=None) -> QuerySet:
    now = now or timezone.now()
    queryset = public_events()
    if set(filters.kind) == {"event"}:
        queryset = queryset.filter(is_training=False)
    elif set(filters.kind) == {"course"}:
        queryset = queryset.filter(is_training=True)
    if filters.attendance:
        queryset = queryset.filter(attendance_mode__in=filters.attendance_modes())
    if filters.region:
        queryset = queryset.filter(region__in=filters.region)
    if filters.audience:
        # Events for everyone are for digital teams and for leaders too.
        queryset = queryset.filter(audience__in=[*filters.audience, Audience.EVERYONE])
    if filters.is_past:
        queryset = queryset.filter(ends_at__lte=now).order_by("-starts_at", "-pk")
    else:
        queryset = queryset.filter(ends_at__gt=now).order_by("starts_at", "pk")
    return with_place_counts(queryset)


def whats_on_context(*, filters: WhatsOnFilters, page) -> dict:
    paginator = Paginator(whats_on(filters=filters), WHATS_ON_PAGE_SIZE)
    events_page = paginator.get_page(str(page or "1")[:12])
    events_page.adjusted_elided_pages = paginator.get_elided_page_range(
        events_page.number, on_each_side=2, on_ends=1
    )
    parents = parent_titles(events_page.object_list)
    return {
        "events_page": events_page,
        "events": [(event, parents.get(event.pk)) for event in events_page.object_list],
    }


def parent_titles(events) -> dict[int, Page]:
    """The series or course page of each event that has one, in one query."""
    parent_path = {event.pk: event.path[: -Page.steplen] for event in events}
    parents = {
        parent.path: parent
        for parent in Page.objects.filter(path__in=set(parent_path.values())).type(
            EventSeriesPage, TrainingCoursePage
        )
    }
    return {pk: parents[path] for pk, path in parent_path.items() if path in parents}


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
