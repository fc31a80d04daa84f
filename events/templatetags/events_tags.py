"""A member's events and training history, for their profile page."""

from django import template

from events import selectors

register = template.Library()


@register.inclusion_tag("events/includes/member_events.html")
def member_events(user, heading_level=2):
    upcoming, history = selectors.member_registrations(user=user)
    return {"upcoming": upcoming, "history": history, "heading_level": heading_level}
