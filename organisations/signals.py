"""An organisation's name, place or slug shows on every page that names it: a change clears
the page cache, as core.signals does for the page tree and the vocabularies."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.page_cache import invalidate_page_cache
from organisations.models import Organisation


@receiver(post_save, sender=Organisation)
@receiver(post_delete, sender=Organisation)
def clear_page_cache_on_organisation_change(sender, **kwargs):
    invalidate_page_cache()
