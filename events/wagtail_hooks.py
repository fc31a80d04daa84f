"""Staff screens: who registered for each event, and the attendance they record."""

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from events import views
from events.models import (
    CHILD_EVENTS_CONTEXT,
    EVENT_CONTEXT,
    WHATS_ON_CONTEXT,
    WHATS_ON_DOWNLOAD,
    EventRegistration,
)


class EventRegistrationViewSet(SnippetViewSet):
    model = EventRegistration
    icon = "date"
    menu_label = "Event registrations"
    menu_order = 260
    add_to_admin_menu = True
    list_display = (
        Column("person", label="Person", accessor=lambda row: row.user.email),
        "event",
        "status",
        "attendance",
        "queued_at",
    )
    list_filter = ("status", "attendance")

    def get_queryset(self, request):
        return EventRegistration.objects.select_related("user", "event")


register_snippet(EventRegistrationViewSet)


# What the event pages show (events.models names the hooks; see core/page_views.py).
hooks.register(EVENT_CONTEXT, views.event_page_context)
hooks.register(CHILD_EVENTS_CONTEXT, views.child_events_context)
hooks.register(WHATS_ON_CONTEXT, views.whats_on_page_context)
hooks.register(WHATS_ON_DOWNLOAD, views.whats_on_download)
