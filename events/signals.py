"""An editor who raises an event's capacity gives the new places to its waiting list."""

from django.dispatch import receiver

from wagtail.signals import page_published

from events.models import EventPage
from events.services import waiting_list_move_up


@receiver(page_published, sender=EventPage)
def fill_new_places(sender, instance, **kwargs):
    waiting_list_move_up(instance)
