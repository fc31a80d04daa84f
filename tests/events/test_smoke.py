"""Every event page type renders, is in search and has schema.org markup."""

import json

import pytest

from events.models import EventPage
from search import services as search


@pytest.mark.django_db
def test_event_page_renders_with_uk_time_and_event_json_ld(client, event):
    response = client.get(event.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "(UK time)" in html
    assert "Sign in to register" in html
    start = html.index('<script type="application/ld+json">')
    data = json.loads(html[start:].split(">", 1)[1].split("</script>", 1)[0])
    assert data["@type"] == "Event"
    assert data["startDate"] == event.starts_uk.isoformat()
    assert data["location"]["@type"] == "Place"
    assert data["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")


@pytest.mark.django_db
def test_course_and_its_cohort_render(client, course, cohort):
    response = client.get(course.url)
    assert response.status_code == 200
    assert cohort.title in response.content.decode()
    cohort = EventPage.objects.get(pk=cohort.pk)
    assert cohort.is_training
    assert client.get(cohort.url).status_code == 200


@pytest.mark.django_db
def test_events_are_in_the_one_search(event):
    results = search.search_content(query="Show and tell")
    assert event.pk in [hit.page_id for hit in results.hits]


@pytest.mark.django_db
def test_whats_on_lists_upcoming_soonest_first(client, site_tree, event, full_event):
    response = client.get(site_tree["whats-on"].url)
    assert response.status_code == 200
    html = response.content.decode()
    assert event.title in html
    assert full_event.title in html
