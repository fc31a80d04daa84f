"""iCalendar (RFC 5545) files: one event, or the feed of every upcoming event.

Built with the `icalendar` package rather than by hand: it folds long lines, escapes
commas and semicolons, and writes the Europe/London VTIMEZONE, which calendars need to
show a time correctly either side of a clock change (docs/events.md).
"""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone

import icalendar

from core.site_url import site_url
from events.models import EventPage

PRODUCT_ID = "-//Local Digital//Events//EN"


def event_uid(event: EventPage) -> str:
    """Stable for the event's life, so a calendar updates its copy instead of adding one."""
    host = site_url().split("://", 1)[-1].split(":")[0]
    return f"event-{event.pk}@{host}"


def event_location(event: EventPage) -> str:
    parts = [event.venue_name, *event.address_lines] if event.is_in_person else []
    if event.is_online:
        parts.append("Online")
    return ", ".join(dict.fromkeys(part for part in parts if part))


def vevent(event: EventPage, *, stamp: datetime.datetime) -> icalendar.Event:
    item = icalendar.Event()
    item.add("uid", event_uid(event))
    item.add("dtstamp", stamp)
    item.add("dtstart", event.starts_uk)
    item.add("dtend", event.ends_uk)
    item.add("summary", event.title)
    url = event.get_full_url()
    item.add("description", f"{event.summary}\n\n{url}")
    item.add("url", url)
    location = event_location(event)
    if location:
        item.add("location", location)
    if event.last_published_at:
        item.add("last-modified", event.last_published_at)
    return item


def calendar_for(events: Iterable[EventPage], *, name: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    stamp = timezone.now()
    for event in events:
        calendar.add_component(vevent(event, stamp=stamp))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def feed_name() -> str:
    return f"{settings.SITE_NAME}: events and training"
