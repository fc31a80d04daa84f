"""Registering for events: a place, the waiting list, moving up on a cancellation, emails,
refusals in plain words, and training for signatories only."""

import datetime

from django.core import mail
from django.urls import reverse

import pytest

from events import services
from events.models import EventPage, EventRegistration, RegistrationStatus
from tests import factories


def register(client, event):
    return client.post(reverse("events:register", args=[event.pk]))


def cancel(client, event):
    return client.post(reverse("events:cancel", args=[event.pk]))


def signed_in(client, profile):
    client.force_login(profile.user)
    return client


def status_of(event, profile):
    return EventRegistration.objects.get(event=event, user=profile.user).status


@pytest.mark.django_db
def test_verified_member_gets_a_place_and_an_email(
    client, event, members, django_capture_on_commit_callbacks
):
    member = members["verified_same"]
    with django_capture_on_commit_callbacks(execute=True):
        response = register(signed_in(client, member), event)
    assert response.status_code == 302
    assert response["Location"] == event.url
    assert status_of(event, member) == RegistrationStatus.REGISTERED
    assert [message.subject for message in mail.outbox] == [f"You have a place: {event.title}"]
    body = mail.outbox[0].body
    assert "(UK time)" in body
    assert reverse("events:event_calendar", args=[event.pk]) in body
    page = client.get(event.url).content.decode()
    assert "You have a place" in page
    assert "19 left" in page


@pytest.mark.django_db
def test_full_event_puts_the_next_member_on_the_waiting_list(
    client, full_event, members, make_member, django_capture_on_commit_callbacks
):
    first, second = members["verified_same"], make_member("second")
    with django_capture_on_commit_callbacks(execute=True):
        register(signed_in(client, first), full_event)
        response = register(signed_in(client, second), full_event)
    assert response.status_code == 302
    assert status_of(full_event, first) == RegistrationStatus.REGISTERED
    assert status_of(full_event, second) == RegistrationStatus.WAITING
    assert mail.outbox[-1].subject == f"You are on the waiting list: {full_event.title}"
    assert "number 1 in the queue" in mail.outbox[-1].body
    page = client.get(full_event.url).content.decode()
    assert "You are on the waiting list" in page


@pytest.mark.django_db
def test_a_cancelled_place_goes_to_the_first_on_the_waiting_list(
    client, full_event, members, make_member, django_capture_on_commit_callbacks
):
    holder, first_waiting, second_waiting = (
        members["verified_same"],
        make_member("first"),
        make_member("later"),
    )
    for profile in (holder, first_waiting, second_waiting):
        register(signed_in(client, profile), full_event)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = cancel(signed_in(client, holder), full_event)
    assert response.status_code == 302
    assert status_of(full_event, holder) == RegistrationStatus.CANCELLED
    assert status_of(full_event, first_waiting) == RegistrationStatus.REGISTERED
    assert status_of(full_event, second_waiting) == RegistrationStatus.WAITING
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([first_waiting.user.email], f"A place came up for you: {full_event.title}")
    ]


@pytest.mark.django_db
def test_leaving_the_waiting_list_gives_nobody_a_place(client, full_event, members, make_member):
    holder, waiting = members["verified_same"], make_member("waiting")
    register(signed_in(client, holder), full_event)
    register(signed_in(client, waiting), full_event)
    cancel(signed_in(client, waiting), full_event)
    assert status_of(full_event, holder) == RegistrationStatus.REGISTERED
    assert status_of(full_event, waiting) == RegistrationStatus.CANCELLED


@pytest.mark.django_db
def test_registering_again_after_cancelling_reuses_the_row(client, event, members):
    member = members["verified_same"]
    register(signed_in(client, member), event)
    cancel(client, event)
    assert register(client, event).status_code == 302
    assert EventRegistration.objects.filter(event=event, user=member.user).count() == 1
    assert status_of(event, member) == RegistrationStatus.REGISTERED


@pytest.mark.django_db
def test_registering_twice_is_a_clear_refusal(client, event, members):
    member = members["verified_same"]
    register(signed_in(client, member), event)
    response = register(client, event)
    assert response.status_code == 409
    assert "You already have a place at this event." in response.content.decode()
    assert EventRegistration.objects.filter(event=event).count() == 1


@pytest.mark.django_db
def test_waiting_twice_is_a_clear_refusal(client, full_event, members, make_member):
    register(signed_in(client, members["verified_same"]), full_event)
    waiting = make_member("waiting")
    register(signed_in(client, waiting), full_event)
    response = register(client, full_event)
    assert response.status_code == 409
    assert "already on the waiting list" in response.content.decode()


@pytest.mark.django_db
def test_past_event_refuses_registration_and_cancellation(client, make_page, members):
    past = make_page(
        EventPage,
        title="Last year's meetup",
        starts_at=factories.days_from_now(-3),
        ends_at=factories.days_from_now(-3, hour=12),
    )
    response = register(signed_in(client, members["verified_same"]), past)
    assert response.status_code == 409
    assert "already happened" in response.content.decode()
    assert cancel(client, past).status_code == 409
    page = client.get(past.url).content.decode()
    assert "This event has finished." in page
    assert not EventRegistration.objects.filter(event=past).exists()


@pytest.mark.django_db
def test_closed_registration_is_refused(client, make_page, members):
    closed = make_page(
        EventPage,
        title="Closed early",
        registration_closes_at=factories.days_from_now(-1),
    )
    response = register(signed_in(client, members["verified_same"]), closed)
    assert response.status_code == 409
    assert "Registration for this event has closed." in response.content.decode()
    assert "Registration has closed." in client.get(closed.url).content.decode()


@pytest.mark.django_db
def test_cancelling_without_a_registration_is_a_clear_answer(client, event, members):
    signed_in(client, members["verified_same"])
    for response in (client.get(reverse("events:cancel", args=[event.pk])), cancel(client, event)):
        assert response.status_code == 409
        assert "nothing to cancel" in response.content.decode()


@pytest.mark.django_db
def test_draft_and_missing_events_are_not_found(client, make_page, members):
    draft = make_page(EventPage, title="Not yet announced", publish=False)
    signed_in(client, members["verified_same"])
    assert register(client, draft).status_code == 404
    assert register(client, type("Missing", (), {"pk": 999999})).status_code == 404
    assert client.get(reverse("events:event_calendar", args=[draft.pk])).status_code == 404
    assert not EventRegistration.objects.exists()


@pytest.mark.django_db
def test_unverified_member_is_told_to_wait_for_verification(client, event, members):
    response = register(signed_in(client, members["unverified"]), event)
    assert response.status_code == 403
    assert "not been verified yet" in response.content.decode()
    assert not EventRegistration.objects.exists()


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_sign_in(client, event):
    response = register(client, event)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.django_db
def test_training_is_refused_to_staff_of_organisations_that_have_not_signed(
    client, cohort, members
):
    response = register(signed_in(client, members["verified_same"]), cohort)
    assert response.status_code == 403
    text = response.content.decode()
    assert "free for staff of organisations that have signed" in text
    assert "Council A has not signed it yet" in text
    assert not EventRegistration.objects.exists()


@pytest.mark.django_db
def test_training_is_open_to_staff_of_signatories(client, cohort, members, signed_org_a):
    response = register(signed_in(client, members["verified_same"]), cohort)
    assert response.status_code == 302
    assert status_of(cohort, members["verified_same"]) == RegistrationStatus.REGISTERED


@pytest.mark.django_db
def test_a_signature_still_in_progress_does_not_count(client, cohort, members, org_a):
    factories.SignatureFactory(organisation=org_a, status="pending")
    assert register(signed_in(client, members["verified_same"]), cohort).status_code == 403


@pytest.mark.django_db
def test_raising_capacity_moves_the_waiting_list_up(
    client, full_event, members, make_member, django_capture_on_commit_callbacks
):
    register(signed_in(client, members["verified_same"]), full_event)
    waiting = make_member("waiting")
    register(signed_in(client, waiting), full_event)
    page = EventPage.objects.get(pk=full_event.pk)
    page.capacity = 2
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert status_of(full_event, waiting) == RegistrationStatus.REGISTERED
    assert mail.outbox[-1].subject.startswith("A place came up for you")


@pytest.mark.django_db
def test_the_last_place_goes_to_one_person_only(full_event, members, make_member):
    """The service itself, twice at the boundary: the second is queued, never over capacity."""
    first = services.registration_create(event=full_event, profile=members["verified_same"])
    second = services.registration_create(event=full_event, profile=make_member("second"))
    assert (first.status, second.status) == ("registered", "waiting")


@pytest.mark.django_db
def test_member_sees_upcoming_events_and_training_history(client, cohort, members, signed_org_a):
    member = members["verified_same"]
    register(signed_in(client, member), cohort)
    page = client.get(reverse("events:my_events")).content.decode()
    assert cohort.title in page
    assert "You have not taken any training courses yet." in page
    # The cohort took place, and staff recorded attendance.
    EventPage.objects.filter(pk=cohort.pk).update(
        starts_at=factories.days_from_now(-10), ends_at=factories.days_from_now(-10, hour=16)
    )
    EventRegistration.objects.filter(event=cohort).update(attendance="attended")
    page = client.get(reverse("events:my_events")).content.decode()
    assert "Training history" in page
    assert cohort.title in page
    assert "Attended" in page
    assert "Your events and training" in client.get(reverse("community:profile")).content.decode()


def test_the_reminder_window_is_a_day():
    from events.selectors import REMINDER_WINDOW

    assert datetime.timedelta(hours=24) == REMINDER_WINDOW


@pytest.mark.django_db
def test_staff_record_attendance_in_the_admin(client, cohort, members, signed_org_a, moderator):
    member = members["verified_same"]
    registration = services.registration_create(event=cohort, profile=member)
    client.force_login(moderator)
    url = reverse("wagtailsnippets_events_eventregistration:edit", args=[registration.pk])
    response = client.post(url, {"attendance": "attended"})
    assert response.status_code == 302, response.content.decode()[:2000]
    registration.refresh_from_db()
    assert registration.attendance == "attended"
    # Nothing else about the registration can be changed there.
    assert registration.status == RegistrationStatus.REGISTERED
