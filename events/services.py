"""Writes for events: register, cancel, move the waiting list up, send reminders, move
ended events to "past" in the search index.

Every change to who has a place happens in one transaction holding a lock on the event's
page row (PostgreSQL: SELECT ... FOR UPDATE; SQLite: the write lock its IMMEDIATE
transactions take at BEGIN), so two people asking for the last place at once can never
both get it, and a cancelled place goes to exactly one person from the waiting list
(docs/events.md).
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

from community import emails
from community.declaration.selectors import organisation_has_signed
from core.page_cache import invalidate_page_cache
from core.site_url import absolute_url
from events import selectors
from events.models import EventPage, EventRegistration, RegistrationStatus
from search.indexing import index_pages


class RegistrationRefused(Exception):
    """What stops someone registering or cancelling, in words to show them."""

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


def signatory_check(*, event: EventPage, profile) -> None:
    course = event.course
    if course is None or not course.signatories_only:
        return
    if not organisation_has_signed(profile.organisation):
        raise RegistrationRefused(
            f"{course.title} is free for staff of organisations that have signed the Local "
            f"Digital Declaration. {profile.organisation.name} has not signed it yet, so you "
            "cannot register for this course.",
            code="not_signatory",
        )


def lock_event(event: EventPage) -> int | None:
    """Lock the event's page row until the transaction ends; returns its current capacity."""
    list(Page.objects.select_for_update().filter(pk=event.pk).values_list("pk", flat=True))
    return EventPage.objects.filter(pk=event.pk).values_list("capacity", flat=True).first()


def registered_count(event: EventPage) -> int:
    return EventRegistration.objects.filter(
        event=event, status=RegistrationStatus.REGISTERED
    ).count()


def registration_create(*, event: EventPage, profile) -> EventRegistration:
    """A place for the member, or a place on the waiting list when the event is full."""
    if not event.live:
        raise RegistrationRefused("This event is not published.", code="not_live")
    if not event.registration_open:
        raise RegistrationRefused(
            "This event has already happened, so you cannot register for it."
            if event.has_started
            else "Registration for this event has closed.",
            code="closed",
        )
    signatory_check(event=event, profile=profile)
    with transaction.atomic():
        capacity = lock_event(event)
        registration = EventRegistration.objects.filter(event=event, user=profile.user).first()
        if registration is not None and registration.status == RegistrationStatus.REGISTERED:
            raise RegistrationRefused("You already have a place at this event.", code="already")
        if registration is not None and registration.status == RegistrationStatus.WAITING:
            raise RegistrationRefused(
                "You are already on the waiting list for this event.", code="already"
            )
        full = capacity is not None and registered_count(event) >= capacity
        status = RegistrationStatus.WAITING if full else RegistrationStatus.REGISTERED
        now = timezone.now()
        if registration is None:
            registration = EventRegistration(event=event, user=profile.user)
        registration.status = status
        registration.organisation = profile.organisation
        registration.queued_at = now
        registration.reminder_sent_at = None
        registration.save()
        email_registration(
            registration, template="event_registered" if not full else "event_waiting_list"
        )
    return registration


def registration_cancel(*, event: EventPage, user) -> list[EventRegistration]:
    """Give up a place (or leave the waiting list); returns whoever moved up into it."""
    if event.has_started:
        raise RegistrationRefused(
            "This event has already started, so your registration can no longer be cancelled.",
            code="closed",
        )
    with transaction.atomic():
        lock_event(event)
        registration = (
            EventRegistration.objects.filter(
                event=event,
                user=user,
                status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITING],
            )
            .order_by()
            .first()
        )
        if registration is None:
            raise RegistrationRefused(
                "You are not registered for this event, so there is nothing to cancel.",
                code="not_registered",
            )
        registration.status = RegistrationStatus.CANCELLED
        registration.save(update_fields=["status"])
        return waiting_list_move_up(event)


def waiting_list_move_up(event: EventPage) -> list[EventRegistration]:
    """Give free places to the waiting list, first come first served. Called with the
    event locked (after a cancellation), or takes the lock itself (capacity raised)."""
    with transaction.atomic():
        capacity = lock_event(event)
        if event.has_started:
            return []
        free = None if capacity is None else capacity - registered_count(event)
        waiting = EventRegistration.objects.filter(
            event=event, status=RegistrationStatus.WAITING
        ).order_by("queued_at", "pk")
        moved = list(waiting if free is None else waiting[: max(0, free)])
        for registration in moved:
            registration.status = RegistrationStatus.REGISTERED
            registration.save(update_fields=["status"])
            email_registration(registration, template="event_moved_up")
        return moved


def event_email_context(event: EventPage) -> dict:
    return {
        "event": event,
        "event_url": event.get_full_url(),
        "calendar_url": absolute_url(reverse("events:event_calendar", args=[event.pk])),
        "my_events_url": absolute_url(reverse("events:my_events")),
    }


def email_registration(registration: EventRegistration, *, template: str) -> None:
    context = event_email_context(registration.event)
    context["registration"] = registration
    if registration.status == RegistrationStatus.WAITING:
        context["position"] = selectors.waiting_position(registration)
    emails.send(to=registration.user.email, template=template, context=context)


def event_reminders_send(*, now=None) -> int:
    """Remind everyone with a place at an event starting within a day; each once only,
    however often (or however many copies of) the command runs. Returns how many."""
    now = now or timezone.now()
    sent = 0
    for registration in selectors.registrations_due_reminder(now=now):
        with transaction.atomic():
            # Claim the reminder first: of two overlapping runs only one updates the row.
            claimed = EventRegistration.objects.filter(
                pk=registration.pk,
                status=RegistrationStatus.REGISTERED,
                reminder_sent_at__isnull=True,
            ).update(reminder_sent_at=now)
            if claimed:
                email_registration(registration, template="event_reminder")
                sent += 1
    return sent


def whats_on_refresh(*, now=None) -> int:
    """Re-index the events that have ended since they were indexed as "upcoming", so What's
    on (which reads the search index) lists them under past events. Time passes without a
    publish, so `manage.py refresh_whats_on` runs this from cron every five minutes; the
    shared page cache holds What's on, so it is cleared when anything moved. Returns how
    many events moved."""
    ended = selectors.events_due_past_in_index(now=now)
    if ended:
        index_pages(ended)
        invalidate_page_cache()
    return len(ended)
