"""Staff screens: who registered for each event, and the attendance they record."""

from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from events.models import EventRegistration


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
