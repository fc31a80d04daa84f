"""Keep the search index in step with the page tree, for every way a page can change.

Each handler only decides which pages to re-evaluate; search.indexing asks Wagtail's
`live().public()` whether each one belongs in the index, so a privacy change, an unpublish
or a move always removes what is no longer public.
"""

import logging

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core.models import BasePage, ContentTag, ServiceArea
from organisations.models import Organisation
from search import indexing

logger = logging.getLogger(__name__)


def _is_content(page) -> bool:
    return isinstance(page, BasePage) or (
        isinstance(page, Page)
        and page.specific_class is not None
        and issubclass(page.specific_class, BasePage)
    )


@receiver(page_published)
def index_published_page(sender, instance, **kwargs):
    if _is_content(instance):
        indexing.index_pages([instance.pk])


@receiver(page_unpublished)
def remove_unpublished_page(sender, instance, **kwargs):
    # Re-evaluated rather than simply removed: exactly what live().public() says.
    if _is_content(instance):
        indexing.index_pages([instance.pk])


@receiver(post_page_move)
def reindex_moved_subtree(sender, instance, **kwargs):
    # URLs change for the page and everything under it; a move under a private page hides it.
    indexing.index_subtree(Page.objects.get(pk=instance.pk))


@receiver(page_slug_changed)
def reindex_renamed_subtree(sender, instance, **kwargs):
    indexing.index_subtree(Page.objects.get(pk=instance.pk))


@receiver(pre_delete)
def remember_deleted_subtree(sender, instance, **kwargs):
    if isinstance(instance, Page) and not isinstance(instance, BasePage):
        # An index page deleted with its children: the cascade removes their documents too,
        # but say which ones so post_delete can make sure.
        instance._search_subtree_ids = list(
            BasePage.objects.filter(path__startswith=instance.path).values_list("pk", flat=True)
        )


@receiver(post_delete)
def remove_deleted_pages(sender, instance, **kwargs):
    if isinstance(instance, Page):
        ids = [instance.pk, *getattr(instance, "_search_subtree_ids", [])]
        indexing.remove_documents(pk for pk in ids if pk is not None)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def reindex_restricted_subtree(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return  # rows loaded as they are (a restore): the index is rebuilt once they are all in
    try:
        page = Page.objects.get(pk=instance.page_id)
    except Page.DoesNotExist:  # the page itself was deleted; its documents went with it
        return
    indexing.index_subtree(page)


@receiver(post_save, sender=Organisation)
def reindex_organisation_pages(sender, instance, created=False, **kwargs):
    # A namesake's pages too: the index stores the name cards show, which is made
    # unambiguous (Organisation.listed_name) once a second organisation takes the same name.
    namesakes = Organisation.objects.filter(name=instance.name).exclude(pk=instance.pk)
    if created and not namesakes.exists():
        return
    page_ids = indexing.pages_referring_to(field="organisations__in", obj=[instance, *namesakes])
    indexing.index_pages(sorted(set(page_ids)))


@receiver(post_save, sender=ServiceArea)
def reindex_service_area_pages(sender, instance, created=False, **kwargs):
    if not created:
        indexing.index_pages(indexing.pages_referring_to(field="service_areas", obj=instance))


@receiver(post_save, sender=ContentTag)
def reindex_tag_pages(sender, instance, created=False, **kwargs):
    if not created:
        indexing.index_pages(indexing.pages_referring_to(field="tagged_items__tag", obj=instance))
