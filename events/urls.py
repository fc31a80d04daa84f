"""Event routes beside the page tree: actions on an event and its calendar files."""

from django.urls import path

from events import views

app_name = "events"
urlpatterns = [
    path("events/calendar.ics", views.calendar_feed, name="calendar_feed"),
    path("events/<int:page_id>/calendar.ics", views.event_calendar, name="event_calendar"),
    path("events/<int:page_id>/register/", views.register, name="register"),
    path("events/<int:page_id>/cancel/", views.cancel, name="cancel"),
    path("members/events/", views.my_events, name="my_events"),
]
