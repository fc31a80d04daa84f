"""The community's admin screens: verify members, moderate comments, review signatures, and
a dashboard panel of what waits for each member of staff and what they may add."""

from django.urls import reverse
from django.utils.text import Truncator

from wagtail import hooks
from wagtail.admin.panels import Panel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from community import moderation
from community.contributions import selectors as contributions_selectors
from community.declaration import selectors as declaration_selectors
from community.declaration import services as declaration_services
from community.engagement import services as engagement_services
from community.members import selectors as members_selectors
from community.members import services as members_services
from community.models import (
    Comment,
    CommentReport,
    Commitment,
    MemberProfile,
    Opportunity,
    ReuseRecord,
    Signature,
)


class StatusChangeEditView(EditView):
    """Runs a service after staff change a status field, so the member hears about it."""

    status_field = "status"
    on_status_change = None

    def save_instance(self):
        previous = (
            type(self.object)
            .objects.filter(pk=self.object.pk)
            .values_list(self.status_field, flat=True)
            .first()
        )
        instance = super().save_instance()
        self.status_changed(instance, previous)
        return instance

    def status_changed(self, instance, previous):  # pragma: no cover - overridden
        pass


class MemberEditView(StatusChangeEditView):
    status_field = "verification_status"

    def status_changed(self, instance, previous):
        members_services.member_verification_changed(
            profile=instance, previous_status=previous, by=self.request.user
        )


class CommentEditView(StatusChangeEditView):
    def status_changed(self, instance, previous):
        if instance.status != previous:
            engagement_services.comment_moderated(comment=instance)


class SignatureEditView(StatusChangeEditView):
    def status_changed(self, instance, previous):
        declaration_services.signature_reviewed(signature=instance, previous_status=previous)


class MemberEmailPanel(Panel):
    """On a member's edit page: the addresses they sign in with and have confirmed, because a
    moderator deciding whether someone works for an organisation needs to see them."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "community/admin/member_email_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["email"] = self.instance.user.email
            context["confirmed"] = members_selectors.confirmed_email_addresses(self.instance.user)
            return context


class MemberViewSet(SnippetViewSet):
    model = MemberProfile
    icon = "user"
    menu_label = "Members"
    edit_view_class = MemberEditView
    # Why a member is verified (which domain matched, or which moderator) is on the list, so
    # a moderator scanning it sees a verification that rests on something odd.
    list_display = (
        "full_name",
        Column("email", label="Email", accessor=lambda profile: profile.user.email),
        "organisation",
        "verification_status",
        "verification_reason",
        "created_at",
    )
    list_filter = ("verification_status", "verification_method")
    search_fields = ("full_name", "user__email", "organisation__name")
    inspect_view_enabled = True
    inspect_view_fields = (
        "full_name",
        "email",
        "job_title",
        "organisation",
        "verification_status",
        "verification_reason",
        "verification_note",
        "created_at",
    )
    panels = (
        *MemberProfile.panels[:2],
        MemberEmailPanel(heading="Email addresses"),
        *MemberProfile.panels[2:],
    )

    def get_queryset(self, request):
        return MemberProfile.objects.select_related("user", "organisation")


COMMENT_EXCERPT_CHARS = 120


def comment_excerpt(comment) -> str:
    return Truncator(comment.body).chars(COMMENT_EXCERPT_CHARS)


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    edit_view_class = CommentEditView
    # What was written, and where: a moderator decides from the text, not from a title.
    list_display = (
        TitleColumn(
            "body",
            label="Comment",
            accessor=comment_excerpt,
            get_url=lambda comment: reverse(
                "wagtailsnippets_community_comment:edit", args=[comment.pk]
            ),
        ),
        Column("page", label="On page", accessor=lambda comment: comment.page.title),
        Column("author", label="By", accessor=lambda comment: str(comment.author)),
        "status",
        "created_at",
    )
    list_filter = ("status",)
    search_fields = ("body",)

    def get_queryset(self, request):
        return Comment.objects.select_related("page", "author")


class CommentReportViewSet(SnippetViewSet):
    model = CommentReport
    icon = "warning"
    menu_label = "Comment reports"
    list_display = (
        TitleColumn(
            "comment",
            label="Reported comment",
            accessor=lambda report: comment_excerpt(report.comment),
            get_url=lambda report: reverse(
                "wagtailsnippets_community_commentreport:edit", args=[report.pk]
            ),
        ),
        Column("page", label="On page", accessor=lambda report: report.comment.page.title),
        "reason",
        "resolved",
        "created_at",
    )
    list_filter = ("resolved",)

    def get_queryset(self, request):
        return CommentReport.objects.select_related("comment__page")


class ReuseRecordViewSet(SnippetViewSet):
    model = ReuseRecord
    icon = "redirect"
    menu_label = "Reuse records"
    list_display = ("__str__", "created_at")


ADDRESS_CHECK_LABELS = {
    True: "Addresses match",
    False: "Addresses do not match",
    None: "Not checked",
}


class OtherApplicationsPanel(Panel):
    """On a signature's edit page: every other application for the same organisation, so staff
    reviewing one see a squatter's, or a genuine one, beside it."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "community/admin/other_applications_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            others = declaration_selectors.signatures_for_organisation(
                self.instance.organisation_id
            ).exclude(pk=self.instance.pk)
            context["organisation"] = self.instance.organisation
            context["applications"] = [
                {
                    "signature": other,
                    "address_check": ADDRESS_CHECK_LABELS[other.addresses_match],
                    "edit_url": reverse(
                        "wagtailsnippets_community_signature:edit", args=[other.pk]
                    ),
                }
                for other in others
            ]
            return context


class AddressWarningPanel(Panel):
    """At the top of a signature's edit page: a warning staff cannot miss when the people's
    addresses are not on the organisation's email domains, or were never checked, since
    anyone can apply in a council's name."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "community/admin/address_warning_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["signature"] = self.instance
            return context


class CommitmentsPanel(Panel):
    """On a signature's edit page: what the organisation commits to, which is what staff
    approve and what the signatories page will publish."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "community/admin/commitments_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["commitments"] = [
                {
                    "commitment": commitment,
                    "edit_url": reverse(
                        "wagtailsnippets_community_commitment:edit", args=[commitment.pk]
                    ),
                }
                for commitment in self.instance.commitments.all()
            ]
            return context


class SignatureViewSet(SnippetViewSet):
    model = Signature
    icon = "doc-full"
    menu_label = "Declaration signatures"
    edit_view_class = SignatureEditView
    list_display = (
        "organisation",
        "status",
        Column(
            "address_check",
            label="Address check",
            accessor=lambda signature: ADDRESS_CHECK_LABELS[signature.addresses_match],
        ),
        "lead_email",
        "approver_email",
        "created_at",
        "signed_at",
    )
    list_filter = ("status", "addresses_match")
    search_fields = ("organisation__name", "lead_name", "approver_name", "lead_email")
    panels = (
        AddressWarningPanel(heading="Address check"),
        *Signature.panels,
        CommitmentsPanel(heading="Commitment"),
        OtherApplicationsPanel(heading="Other applications"),
    )


class CommitmentViewSet(SnippetViewSet):
    model = Commitment
    icon = "list-ul"
    list_display = ("title", "organisation", "is_published")
    list_filter = ("is_published",)


class OpportunityViewSet(SnippetViewSet):
    model = Opportunity
    icon = "group"
    list_display = ("title", "organisation", "status", "closing_date")
    list_filter = ("status",)


class CommunityViewSetGroup(SnippetViewSetGroup):
    menu_label = "Community"
    menu_icon = "group"
    menu_order = 250
    items = (
        MemberViewSet,
        CommentViewSet,
        CommentReportViewSet,
        ReuseRecordViewSet,
        SignatureViewSet,
        CommitmentViewSet,
        OpportunityViewSet,
    )


register_snippet(CommunityViewSetGroup)


class WhatNeedsYouPanel(Component):
    """On the admin home page: what waits for this member of staff (pages to review, members,
    comments, reports, signatures), and links to add each content type they may create."""

    name = "what_needs_you"
    order = 50  # above Wagtail's own panels: this is where a new editor starts
    template_name = "community/admin/what_needs_you_panel.html"

    def __init__(self, *, queues, add_links):
        self.queues = queues
        self.add_links = add_links

    def get_context_data(self, parent_context=None):
        return {
            "queues": self.queues,
            "waiting": sum(queue.count for queue in self.queues),
            "add_links": self.add_links,
        }


@hooks.register("construct_homepage_panels")
def add_what_needs_you_panel(request, panels):
    queues = moderation.moderation_queues(request.user)
    add_links = contributions_selectors.content_types_to_add(request.user)
    if queues or add_links:  # staff who can neither act nor add see nothing new
        panels.append(WhatNeedsYouPanel(queues=queues, add_links=add_links))
