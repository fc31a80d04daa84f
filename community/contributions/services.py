"""Contributions' writes: a member's submission as a draft page, its moderation and publication."""

import logging
from dataclasses import dataclass
from functools import cache

from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, WorkflowState

from community import emails
from community.models import (
    MemberProfile,
)
from community.text import paragraphs_html, plain_text
from core import selectors as core_selectors
from core.content_types import library_types
from core.models import BasePage, RelatedDocument

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ContributionType:
    slug: str
    label: str
    model: type
    index_model: type
    rich_fields: tuple[tuple[str, str], ...]  # (field name, label) of plain-text inputs
    # (field name, label, hint) of optional sums in whole pounds: what it cost, what it saved.
    money_fields: tuple[tuple[str, str, str], ...] = ()


@cache
def contribution_types() -> dict[str, ContributionType]:
    """What a member may share: every content type, by its slug ("case-study"), asking for the
    fields its model declares (contribution_text_fields, contribution_money_fields)."""
    return {
        item.slug: ContributionType(
            slug=item.slug,
            label=item.label,
            model=item.model,
            index_model=item.index_model,
            rich_fields=item.model.contribution_text_fields,
            money_fields=item.model.contribution_money_fields,
        )
        for item in library_types()
    }


def contribution_type_by_slug(slug: str) -> ContributionType | None:
    return contribution_types().get(slug)


def contribution_type_for_page(page) -> ContributionType | None:
    specific_class = page.specific_class
    return next(
        (item for item in contribution_types().values() if item.model is specific_class), None
    )


# Member uploads wait here, visible to staff only, until a page using them is live and public.
MEMBER_UPLOADS_COLLECTION = "Member uploads awaiting publication"
MEMBER_UPLOADS_READERS = ("Moderators", "Editors")


def member_uploads_collection() -> Collection:
    """The private collection for members' uploads, made on first use (no data migration)."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=MEMBER_UPLOADS_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=MEMBER_UPLOADS_COLLECTION)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        # Wagtail's own check then refuses its documents to anyone outside these groups (and
        # marks the collection private in the admin); core.wagtail_hooks refuses them first.
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.filter(name__in=MEMBER_UPLOADS_READERS))
    return collection


def contribution_documents_release(*, page) -> int:
    """Move a page's member uploads out of the private collection once the page is live and
    public, so that anyone may download them; the count moved."""
    if not Page.objects.filter(pk=page.pk).live().public().exists():
        return 0
    private = Collection.objects.filter(name=MEMBER_UPLOADS_COLLECTION, depth=2)
    attached = RelatedDocument.objects.filter(page_id=page.pk).values("document_id")
    return (
        get_document_model()
        .objects.filter(pk__in=attached, collection__in=private)
        .update(collection=Collection.get_first_root_node())
    )


def _document_store(*, upload, title: str, user):
    Document = get_document_model()
    document = Document(
        title=plain_text(title)[:255] or "Supporting document",
        uploaded_by_user=user,
        collection=member_uploads_collection(),
    )
    document.file.save(upload.name, upload, save=False)
    document.save()
    return document


def _apply_contribution_fields(page, contribution_type: ContributionType, data: dict) -> None:
    page.title = plain_text(data["title"])[:255]
    page.summary = plain_text(data["summary"])[:600]
    for field_name, _label in contribution_type.rich_fields:
        setattr(page, field_name, paragraphs_html(data.get(field_name, "")))
    for field_name, _label, _hint in contribution_type.money_fields:
        setattr(page, field_name, data.get(field_name))  # a Decimal, or None when left empty
    body = paragraphs_html(data.get("body", ""))
    page.body = [("paragraph", body)] if body else []


def _start_moderation(page, user) -> WorkflowState | None:
    workflow = page.get_workflow()
    if workflow is None:
        logger.warning("No workflow applies to %s; it stays a draft", page.pk)
        return None
    return workflow.start(page, user)


@transaction.atomic
def contribution_submit(
    *, profile: MemberProfile, contribution_type: ContributionType, data: dict, upload=None
) -> BasePage:
    """Create a draft page owned by the member and put it into Wagtail's moderation workflow."""
    parent = contribution_type.index_model.objects.first()
    if parent is None:
        raise ValueError(f"No {contribution_type.label} index page to file the contribution under")
    user = profile.user
    page = contribution_type.model(owner=user, live=False, has_unpublished_changes=True)
    _apply_contribution_fields(page, contribution_type, data)
    base_slug = slugify(page.title)[:70] or "contribution"
    slug, counter = base_slug, 1
    while parent.get_children().filter(slug=slug).exists():
        counter += 1
        slug = f"{base_slug}-{counter}"
    page.slug = slug
    parent.add_child(instance=page)
    page.organisations.set([profile.organisation])
    page.service_areas.set(data.get("service_areas") or [])
    page.tags.set(data.get("tags") or [])
    if upload is not None:
        document = _document_store(
            upload=upload, title=data.get("document_title") or upload.name, user=user
        )
        page.documents = [RelatedDocument(document=document, title=document.title)]
    page.save()
    page.save_revision(user=user, log_action=True)
    _start_moderation(page, user)
    emails.send(
        to=user.email, template="contribution_received", context={"page": page, "profile": profile}
    )
    return page


@transaction.atomic
def contribution_resubmit(
    *, page, user, contribution_type: ContributionType, data: dict
) -> BasePage:
    """Save the member's changes as a new revision and send it back to the moderators."""
    page = page.specific
    _apply_contribution_fields(page, contribution_type, data)
    page.service_areas.set(data.get("service_areas") or [])
    page.tags.set(data.get("tags") or [])
    page.save_revision(user=user, log_action=True)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
    elif state is None:
        _start_moderation(page, user)
    return page


def _latest_member_workflow_state(page) -> WorkflowState | None:
    """The latest moderation a member asked for on `page`: set when the page is their
    contribution."""
    return (
        WorkflowState.objects.for_instance(page)
        .filter(requested_by__member_profile__isnull=False)
        .select_related("requested_by")
        .order_by("-created_at", "-id")
        .first()
    )


def contribution_decided(*, workflow_state, approved: bool) -> None:
    """Tell the member a moderator asked for changes, or approved a page that goes live later.

    "Is published", with its link, waits for the publication itself (contribution_published):
    an approval with a future go-live publishes nothing until publish_scheduled runs.
    """
    page = workflow_state.content_object
    page = page.specific if hasattr(page, "specific") else page
    member = workflow_state.requested_by
    if (
        member is None
        or not isinstance(page, BasePage)
        or not MemberProfile.objects.filter(user=member).exists()
    ):
        return
    if approved:
        page.refresh_from_db()
        if page.live or not page.go_live_at or page.go_live_at <= timezone.now():
            return
    task_state = workflow_state.task_states.order_by("-finished_at", "-id").first()
    comment = task_state.comment if task_state else ""
    emails.send(
        to=member.email,
        template="contribution_scheduled" if approved else "contribution_changes_requested",
        context={
            "page": page,
            "comment": comment,
            "member": member,
            "contributions_url": emails.absolute_url(reverse("community:contributions")),
        },
    )


def contribution_published(*, page: BasePage) -> int:
    """On a contributed page's first publication, once it is live and public: tell its member."""
    if not core_selectors.page_is_live_and_public(page.pk):
        return 0
    workflow_state = _latest_member_workflow_state(page)
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_APPROVED:
        return 0
    task_state = workflow_state.task_states.order_by("-finished_at", "-id").first()
    return emails.send(
        to=workflow_state.requested_by.email,
        template="contribution_approved",
        context={
            "page": page.specific,
            "comment": task_state.comment if task_state else "",
            "member": workflow_state.requested_by,
        },
    )
