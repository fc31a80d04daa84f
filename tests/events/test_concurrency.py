"""Many members asking for the last place at once: exactly one gets it (PostgreSQL, where
requests really run side by side; SQLite's IMMEDIATE transactions serialise writers)."""

import threading

from django.conf import settings
from django.db import connections

import pytest

from events import services
from events.models import EventPage, EventRegistration, RegistrationStatus
from tests import factories
from tests.community.conftest import make_member

ASKING = 6


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="needs concurrent connections: run with DATABASE_URL=postgres://...",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_only_one_of_many_simultaneous_registrations_gets_the_last_place(
    site_tree, django_user_model
):
    organisation = factories.OrganisationFactory(code="CCC", slug="council-c", name="Council C")
    event = factories.EventPageFactory(parent=site_tree["whats-on"], title="Last place", capacity=1)
    profiles = [
        make_member(django_user_model, username=f"asker{n}", organisation=organisation)
        for n in range(ASKING)
    ]
    barrier = threading.Barrier(ASKING)
    errors = []

    def ask(profile):
        try:
            barrier.wait()
            services.registration_create(event=EventPage.objects.get(pk=event.pk), profile=profile)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=ask, args=(profile,)) for profile in profiles]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    statuses = list(EventRegistration.objects.values_list("status", flat=True))
    assert statuses.count(RegistrationStatus.REGISTERED) == 1
    assert statuses.count(RegistrationStatus.WAITING) == ASKING - 1
