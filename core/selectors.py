"""Reads of content that are not listings: a page's relations, documents, review dates, tags.

Every listing of content pages (index, tag, service-area, organisation and home pages, their
downloads, the feeds and the API's filtered list) is read through listings.selectors instead.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Coalesce

from wagtail.documents import get_permission_policy as document_permission_policy
from wagtail.models import Page, ReferenceIndex

from core.models import BasePage, ContentTag, ServiceArea
from core.models.base import RelatedDocument, review_due_cutoff
from core.models.routing import restricted_paths

LISTING_PAGE_SIZE = 20


def exclude_restricted(queryset: QuerySet) -> QuerySet:
    """What Wagtail's `.public()` does, without its query for the restrictions each time."""
    paths = restricted_paths()
    if not paths:
        return queryset
    restricted = Q()
    for path in paths:
        restricted |= Q(path__startswith=path)
    return queryset.exclude(restricted)


def public_content_pages(model=BasePage) -> QuerySet:
    """Live pages of `model` that anyone may read: no drafts, no private pages or their children."""
    return exclude_restricted(model.objects.live())


def page_is_live_and_public(page_id: int) -> bool:
    """Whether anyone could open the page now: published (not merely scheduled for a future
    go-live), and neither it nor any page above it is restricted to signed-in users, a
    password or groups. Only such a page is announced anywhere (emails, digests, feeds)."""
    return Page.objects.filter(pk=page_id).live().public().exists()


def with_last_checked(queryset: QuerySet) -> QuerySet:
    """`last_checked`: when each page was last checked, its review or else its publication
    (BasePage.checked_on, as the search index stores it)."""
    if "last_checked" in queryset.query.annotations:
        return queryset
    return queryset.annotate(last_checked=Coalesce("last_reviewed", "date"))


def content_due_for_review(*, today=None) -> QuerySet:
    """Live content last checked (reviewed, or else published) more than
    REVIEW_INTERVAL_MONTHS ago, the longest unchecked first: the editors' review report."""
    return (
        with_last_checked(BasePage.objects.live())
        .filter(last_checked__lt=review_due_cutoff(today))
        .select_related("content_type")
        .order_by("last_checked", "pk")
    )


def tags_in_use(*, limit: int | None = None) -> QuerySet:
    queryset = (
        ContentTag.objects.filter(tagged_pages__content_object__live=True)
        .annotate(uses=Count("tagged_pages"))
        .order_by("-uses", "name")
    )
    return queryset[:limit] if limit else queryset


def service_areas_in_use() -> QuerySet:
    return ServiceArea.objects.annotate(uses=Count("pages")).order_by("name")


# --- Documents ----------------------------------------------------------------------------


def pages_using_document(document) -> QuerySet:
    """Every page that uses `document`: attached to it (`RelatedDocument`, at once) or linked
    from its content (Wagtail's reference index, which a background task brings up to date)."""
    linked_from = ReferenceIndex.get_references_to(document).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    linked_ids = [int(pk) for pk in linked_from.values_list("object_id", flat=True)]
    attached_ids = RelatedDocument.objects.filter(document=document).values("page_id")
    return Page.objects.filter(Q(pk__in=attached_ids) | Q(pk__in=linked_ids))


def document_opens_in_admin(*, document, user) -> bool:
    """Staff who may edit or choose the document in Wagtail's admin open it whatever its pages."""
    if not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
        return False
    return document_permission_policy().user_has_any_permission_for_instance(
        user, ["change", "choose"], document
    )


def document_readable(*, document, request) -> bool | None:
    """Whether the reader of `request` may download `document`, as the pages using it allow.

    True when one live page using it is one they may read (no view restriction, or each of
    its restrictions passed: signed in, the page password entered in this session); False
    when pages use it but none is; None when no page uses it, so that the document's
    collection decides (an editor's upload linked from outside the site, say).
    """
    using = pages_using_document(document)
    if not using.exists():
        return None
    for page in using.live().iterator():
        if all(restriction.accept_request(request) for restriction in page.get_view_restrictions()):
            return True
    return False
