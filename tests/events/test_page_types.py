"""Every event page type: an editor creates it under its allowed parent, its search_fields
cover the text editors write, and it lives only where it belongs."""

from django.urls import reverse

from wagtail.search import index
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from events.models import (
    EventIndexPage,
    EventPage,
    EventSeriesPage,
    TrainingCoursePage,
    uk_time,
)
from home.models import HomePage
from tests.core.test_page_types import _text_fields_editors_write

EVENT_TYPES = [EventPage, EventSeriesPage, TrainingCoursePage]
# How to join online goes only to people with a place (their emails): never searchable.
NOT_SEARCHED = {EventPage: {"joining_instructions"}}


@pytest.mark.parametrize("model", EVENT_TYPES)
def test_search_fields_cover_the_text_editors_write(model):
    searched = {f.field_name for f in model.search_fields if isinstance(f, index.SearchField)}
    related = {f.field_name for f in model.search_fields if isinstance(f, index.RelatedFields)}
    missing = _text_fields_editors_write(model) - searched - NOT_SEARCHED.get(model, set())
    assert not missing, f"{model.__name__} fields missing from search_fields: {sorted(missing)}"
    assert {"tags", "organisations", "service_areas"} <= related


def test_private_joining_instructions_are_not_searched_or_in_the_api():
    from localdigital.api import api_fields_for

    assert "joining_instructions" not in {f.field_name for f in EventPage.search_fields}
    assert "joining_instructions" not in {f.name for f in api_fields_for(EventPage)}


def test_event_types_live_only_under_what_is_on():
    assert set(EventPage.allowed_parent_page_models()) == {
        EventIndexPage,
        EventSeriesPage,
        TrainingCoursePage,
    }
    for model in (EventSeriesPage, TrainingCoursePage):
        assert model.allowed_parent_page_models() == [EventIndexPage]
        assert model.allowed_subpage_models() == [EventPage]
        assert not model.can_create_at(HomePage())
    assert not EventPage.can_create_at(HomePage())


def form_data(model, title: str, **extra):
    data = {
        "title": title,
        "slug": title.lower().replace(" ", "-"),
        "summary": "What it is and who it is for.",
        "licence": "ogl-3",
        "audience": "everyone",
        "body": streamfield([("paragraph", rich_text("<p>Body text.</p>"))]),
        "documents": inline_formset([]),
    }
    if model is EventPage:
        data.update(
            starts_at="2099-03-01 10:00",
            ends_at="2099-03-01 12:30",
            attendance_mode="in-person",
            venue_address="1 High Street\nAnytown",
            materials=streamfield([]),
            date="2024-01-31",
        )
    if model is TrainingCoursePage:
        data.update(
            who_it_is_for=rich_text(""), what_you_will_learn=rich_text(""), signatories_only="on"
        )
    if model is EventSeriesPage:
        data["date"] = "2024-01-31"
    if model is TrainingCoursePage:
        data["date"] = "2024-01-31"
    data.update(extra)
    return nested_form_data(data)


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("model", EVENT_TYPES)
def test_editor_creates_page_under_whats_on(client, site_tree, editor, model):
    parent = site_tree["whats-on"]
    client.force_login(editor)
    response = client.post(add_url(model, parent), form_data(model, "Editor made page"))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = model.objects.get(title="Editor made page")
    assert page.get_parent().specific == parent
    assert not page.live


@pytest.mark.django_db
def test_editor_adds_a_cohort_to_a_course_in_uk_time(client, course, editor):
    client.force_login(editor)
    response = client.post(add_url(EventPage, course), form_data(EventPage, "Summer cohort"))
    assert response.status_code == 302, response.content.decode()[:3000]
    cohort = EventPage.objects.get(title="Summer cohort")
    assert cohort.is_training
    # Entered as 10am in March (GMT), in UK time.
    assert uk_time(cohort.starts_at).hour == 10
    assert cohort.when == "Sunday 1 March 2099, 10am to 12:30pm (UK time)"


@pytest.mark.django_db
def test_admin_refuses_an_event_that_ends_before_it_starts(client, site_tree, editor):
    client.force_login(editor)
    response = client.post(
        add_url(EventPage, site_tree["whats-on"]),
        form_data(EventPage, "Backwards", ends_at="2099-03-01 09:00"),
    )
    assert response.status_code == 200
    assert "The end must be after the start." in response.content.decode()
    assert not EventPage.objects.filter(title="Backwards").exists()


@pytest.mark.django_db
def test_in_person_event_needs_a_venue(client, site_tree, editor):
    client.force_login(editor)
    response = client.post(
        add_url(EventPage, site_tree["whats-on"]),
        form_data(EventPage, "Nowhere", venue_address=""),
    )
    assert response.status_code == 200
    assert "Enter the address of the venue" in response.content.decode()
