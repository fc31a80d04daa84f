"""'We reused this': one record per organisation and item, and a counter kept in step."""

from django.db import IntegrityError
from django.urls import reverse

import pytest

from community.engagement import services as engagement_services
from community.models import ReuseRecord
from core.models import BasePage


def reuse_count(page):
    return BasePage.objects.get(pk=page.pk).reuse_count


@pytest.fixture
def shared_pattern(make_page):
    """A pattern from neither Council A nor B, so both their reuse counts
    (community.engagement.selectors.counted_reuse_records)."""
    from patterns.models import ServicePatternPage
    from tests.factories import OrganisationFactory

    author = OrganisationFactory(code="ZZZ", slug="council-z", name="Council Z")
    return make_page(
        ServicePatternPage, title="Book a bulky waste collection", organisations=[author]
    )


def test_recording_reuse_creates_one_record_and_counts_it(client, members, shared_pattern):
    client.force_login(members["verified_same"].user)
    url = reverse("community:reuse", args=[shared_pattern.pk])
    client.post(url, {"note": "Used for garden waste"})
    client.post(url, {"note": "Again"})
    assert ReuseRecord.objects.filter(page=shared_pattern).count() == 1
    assert reuse_count(shared_pattern) == 1
    assert ReuseRecord.objects.get().note == "Used for garden waste"


def test_two_members_of_one_organisation_make_one_record(members, shared_pattern):
    engagement_services.reuse_record(page=shared_pattern, profile=members["owner"])
    engagement_services.reuse_record(page=shared_pattern, profile=members["verified_same"])
    engagement_services.reuse_record(page=shared_pattern, profile=members["verified_other"])
    assert ReuseRecord.objects.filter(page=shared_pattern).count() == 2
    assert reuse_count(shared_pattern) == 2


def test_the_database_refuses_a_duplicate(members, pattern):
    engagement_services.reuse_record(page=pattern, profile=members["owner"])
    with pytest.raises(IntegrityError):
        ReuseRecord.objects.create(page=pattern, organisation=members["owner"].organisation)


def test_a_lost_race_returns_the_existing_record(members, shared_pattern, monkeypatch):
    """Simulate the second of two concurrent clicks: get() misses, create() hits the constraint."""
    existing, _ = engagement_services.reuse_record(page=shared_pattern, profile=members["owner"])
    real_get_or_create = ReuseRecord.objects.get_or_create

    def racing_get_or_create(**kwargs):
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(ReuseRecord.objects, "get_or_create", racing_get_or_create)
    record, created = engagement_services.reuse_record(
        page=shared_pattern, profile=members["verified_same"]
    )
    monkeypatch.setattr(ReuseRecord.objects, "get_or_create", real_get_or_create)
    assert record.pk == existing.pk
    assert not created
    assert reuse_count(shared_pattern) == 1


def test_removing_reuse_only_removes_your_own_organisations_record(client, members, shared_pattern):
    engagement_services.reuse_record(page=shared_pattern, profile=members["owner"])
    client.force_login(members["verified_other"].user)
    client.post(reverse("community:reuse_remove", args=[shared_pattern.pk]))
    assert reuse_count(shared_pattern) == 1
    client.force_login(members["verified_same"].user)
    client.post(reverse("community:reuse_remove", args=[shared_pattern.pk]))
    assert reuse_count(shared_pattern) == 0


def test_page_shows_who_reused_it(members, pattern, render_panel):
    engagement_services.reuse_record(
        page=pattern, profile=members["verified_other"], note="Adapted for Welsh"
    )
    html = render_panel(pattern)
    assert "Reused by 1 organisation" in html
    assert "Council B" in html
    assert "Adapted for Welsh" in html


def test_reuse_cannot_be_recorded_on_a_draft(client, members, make_page):
    from patterns.models import ServicePatternPage

    draft = make_page(ServicePatternPage, title="Secret", publish=False)
    client.force_login(members["owner"].user)
    assert client.post(reverse("community:reuse", args=[draft.pk])).status_code == 404
    assert not ReuseRecord.objects.exists()


def test_reuse_note_is_limited(client, members, pattern):
    client.force_login(members["owner"].user)
    response = client.post(reverse("community:reuse", args=[pattern.pk]), {"note": "x" * 501})
    assert "must be 500 characters or fewer" in response.content.decode()
    assert "x" * 501 in response.content.decode()


def test_the_button_matches_the_visitor(members, pattern, render_panel):
    assert "Sign in</a> to record" in render_panel(pattern)
    assert "We reused this" in render_panel(pattern, members["owner"].user)
    assert "once a moderator has verified" in render_panel(pattern, members["unverified"].user)
    engagement_services.reuse_record(page=pattern, profile=members["owner"])
    assert "Remove our reuse record" in render_panel(pattern, members["verified_same"].user)
    assert "We reused this" in render_panel(pattern, members["verified_other"].user)
