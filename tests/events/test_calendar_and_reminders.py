"""iCalendar files that calendars read, and the reminder a day before, sent once."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import icalendar
import pytest

from events import services
from events.models import UK_TIME, EventPage, EventRegistration
from tests import factories


@pytest.mark.django_db
def test_event_calendar_file_parses_with_uk_times(client, event):
    response = client.get(reverse("events:event_calendar", args=[event.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    [item] = calendar.walk("VEVENT")
    assert str(item["summary"]) == event.title
    start = item.decoded("dtstart")
    assert start == event.starts_at
    assert str(start.tzinfo) == "Europe/London"
    assert item.decoded("dtend") == event.ends_at
    assert "Town Hall" in str(item["location"])
    assert str(item["url"]) == event.get_full_url()
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]


@pytest.mark.django_db
def test_a_summer_event_is_at_its_british_summer_time(client, make_page):
    summer = make_page(
        EventPage,
        title="Summer meetup",
        starts_at=datetime.datetime(2099, 7, 1, 10, tzinfo=UK_TIME),
        ends_at=datetime.datetime(2099, 7, 1, 12, tzinfo=UK_TIME),
    )
    body = client.get(reverse("events:event_calendar", args=[summer.pk])).content.decode()
    assert "DTSTART;TZID=Europe/London:20990701T100000" in body
    page = client.get(summer.url).content.decode()
    assert "Wednesday 1 July 2099, 10am to 12pm (UK time)" in page


@pytest.mark.django_db
def test_feed_holds_upcoming_public_events_only(client, event, make_page):
    draft = make_page(EventPage, title="Secret plans", publish=False)
    old = make_page(
        EventPage,
        title="Long ago",
        starts_at=factories.days_from_now(-100),
        ends_at=factories.days_from_now(-100, hour=12),
    )
    response = client.get(reverse("events:calendar_feed"))
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    titles = {str(item["summary"]) for item in calendar.walk("VEVENT")}
    assert event.title in titles
    assert draft.title not in titles
    assert old.title not in titles
    assert len({str(item["uid"]) for item in calendar.walk("VEVENT")}) == len(titles)


@pytest.fixture
def tomorrows_event(make_page):
    start = timezone.now() + datetime.timedelta(hours=20)
    return make_page(
        EventPage,
        title="Tomorrow's workshop",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        attendance_mode="online",
        venue_address="",
        joining_instructions="Join at https://meet.example/abc",
    )


@pytest.mark.django_db
def test_reminder_is_sent_once_however_often_the_command_runs(
    tomorrows_event, event, members, make_member, django_capture_on_commit_callbacks
):
    holder = members["verified_same"]
    services.registration_create(event=tomorrows_event, profile=holder)
    services.registration_create(event=event, profile=make_member("later"))  # a fortnight away
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
        call_command("send_event_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([holder.user.email], f"Reminder: {tomorrows_event.title} is tomorrow")
    ]
    assert "https://meet.example/abc" in mail.outbox[0].body
    assert EventRegistration.objects.get(user=holder.user).reminder_sent_at is not None


@pytest.mark.django_db
def test_no_reminder_for_the_waiting_list_or_the_cancelled(tomorrows_event, members, make_member):
    EventPage.objects.filter(pk=tomorrows_event.pk).update(capacity=1)
    tomorrows_event.refresh_from_db()
    services.registration_create(event=tomorrows_event, profile=members["verified_same"])
    services.registration_create(event=tomorrows_event, profile=make_member("waiting"))
    services.registration_cancel(event=tomorrows_event, user=members["verified_same"].user)
    mail.outbox.clear()
    # The one who moved up gets the reminder; the one who cancelled does not.
    assert services.event_reminders_send() == 1
    assert services.event_reminders_send() == 0
