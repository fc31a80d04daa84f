"""Keep caches in step with the page tree (any change to what is public clears the page
cache), and Wagtail's base URLs with SITE_URL."""

from django.conf import settings
from django.core.signals import setting_changed
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core.models import ContentTag, Principle, ServiceArea
from core.page_cache import invalidate_page_cache

# Subclasses send their own class as sender, so match by isinstance rather than sender.
CACHE_RELEVANT_MODELS = (
    Page,
    PageViewRestriction,
    Site,
    ContentTag,
    ServiceArea,
    Principle,
)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(page_slug_changed)
def clear_page_cache_on_page_change(sender, **kwargs):
    invalidate_page_cache()


@receiver(post_save)
@receiver(post_delete)
def clear_page_cache_on_model_change(sender, instance, **kwargs):
    if isinstance(instance, CACHE_RELEVANT_MODELS):
        invalidate_page_cache()


@receiver(setting_changed)
def keep_wagtail_base_urls_on_site_url(sender, setting, value, **kwargs):
    """Wagtail reads its own two settings; they follow an override of SITE_URL (a test, a
    shell) as base.py makes them follow the environment."""
    if setting == "SITE_URL":
        settings.WAGTAILADMIN_BASE_URL = value
        settings.WAGTAILAPI_BASE_URL = value
