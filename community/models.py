"""Members, reuse records, comments, follows, the Declaration and collaboration opportunities."""

import datetime
import uuid
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.models import PHASES
from core.models.routing import CachedRestrictionsMixin, SiteUrlMixin, UrlconfRoutesMixin

# --- Members -------------------------------------------------------------------------------


class VerificationStatus(models.TextChoices):
    PENDING = "pending", "Waiting for a moderator"
    VERIFIED = "verified", "Verified"
    REFUSED = "refused", "Not verified"


class DigestFrequency(models.TextChoices):
    IMMEDIATE = "immediate", "As soon as it is published"
    DAILY = "daily", "Once a day, in a digest"


class MemberProfile(models.Model):
    """A member of the community: a site user who belongs to an organisation in the directory.

    Members are plain Django users with no groups and no staff flag, so they never reach the
    Wagtail admin. Verification says the member really works for the organisation: either
    a confirmed email address of theirs is on one of the organisation's email domains, or a
    moderator checked by hand. `verification_reason` says which, for the moderators.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_profile"
    )
    full_name = models.CharField(max_length=150)
    job_title = models.CharField(max_length=150, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="members"
    )
    verification_status = models.CharField(
        max_length=20,
        choices=VerificationStatus.choices,
        default=VerificationStatus.PENDING,
        db_index=True,
    )
    verification_method = models.CharField(max_length=20, blank=True, editable=False)
    verified_at = models.DateTimeField(null=True, blank=True, editable=False)
    verification_reason = models.CharField(
        "why verified",
        max_length=255,
        blank=True,
        editable=False,
        help_text="Written by the site: the email domain that matched, or the moderator and date.",
    )
    verification_note = models.CharField(
        max_length=255, blank=True, help_text="Why a moderator verified or refused this member."
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    panels: ClassVar[list] = [
        FieldPanel("full_name", read_only=True),
        FieldPanel("job_title", read_only=True),
        FieldPanel("organisation", read_only=True),
        FieldPanel("verification_status"),
        FieldPanel("verification_reason", read_only=True),
        FieldPanel("verification_note"),
    ]

    class Meta:
        verbose_name = "member"
        ordering: ClassVar[list] = ["-created_at"]

    def __str__(self):
        return f"{self.full_name} ({self.organisation.name})"

    @property
    def is_verified(self) -> bool:
        return self.verification_status == VerificationStatus.VERIFIED

    @property
    def email(self) -> str:
        return self.user.email


# --- Reuse ---------------------------------------------------------------------------------


class ReuseRecord(models.Model):
    """One organisation says it reused one piece of content; at most one per pair."""

    page = models.ForeignKey(
        "core.BasePage", on_delete=models.CASCADE, related_name="reuse_records"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="reuse_records"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reuse_records",
    )
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    panels: ClassVar[list] = [FieldPanel("note")]

    class Meta:
        constraints: ClassVar[list] = [
            models.UniqueConstraint(
                fields=["page", "organisation"], name="community_one_reuse_per_org"
            )
        ]
        ordering: ClassVar[list] = ["-created_at"]

    def __str__(self):
        return f"{self.organisation.name} reused {self.page.title}"


# --- Comments ------------------------------------------------------------------------------


class ModerationStatus(models.TextChoices):
    PENDING = "pending", "Waiting for moderation"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class Comment(models.Model):
    """A member's experience of a piece of content; shown only once a moderator approves it."""

    page = models.ForeignKey(
        "core.BasePage", on_delete=models.CASCADE, related_name="community_comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_comments"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(max_length=3000)
    status = models.CharField(
        max_length=20,
        choices=ModerationStatus.choices,
        default=ModerationStatus.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    moderated_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels: ClassVar[list] = [FieldPanel("body", read_only=True), FieldPanel("status")]

    class Meta:
        ordering: ClassVar[list] = ["created_at"]

    def __str__(self):
        return f"Comment by {self.author} on {self.page.title}"


class CommentReport(models.Model):
    """Someone thinks an approved comment should not be there; one report per person."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    resolved = models.BooleanField(default=False)

    panels: ClassVar[list] = [FieldPanel("reason", read_only=True), FieldPanel("resolved")]

    class Meta:
        constraints: ClassVar[list] = [
            models.UniqueConstraint(
                fields=["comment", "reporter"], name="community_one_report_per_user"
            )
        ]
        ordering: ClassVar[list] = ["-created_at"]

    def __str__(self):
        return f"Report on comment {self.comment_id}"


# --- Following -----------------------------------------------------------------------------


class FollowKind(models.TextChoices):
    TAG = "tag", "Tag"
    SERVICE_AREA = "service_area", "Service area"
    ORGANISATION = "organisation", "Organisation"
    CONTENT_TYPE = "content_type", "Content type"
    # Offered on the pages that list across every type (tags, service areas, organisations),
    # as the "everything" feed is; its value is always EVERYTHING_VALUE.
    EVERYTHING = "everything", "Everything"
    # One page with news of its own (a Declaration project's updates: BasePage.followable);
    # its value is the page's id.
    PAGE = "page", "Page"


EVERYTHING_VALUE = "all"


class Follow(models.Model):
    """A member wants to hear when matching content is published."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    kind = models.CharField(max_length=20, choices=FollowKind.choices)
    value = models.CharField(max_length=120, help_text="A slug, or a content model name")
    frequency = models.CharField(
        max_length=20, choices=DigestFrequency.choices, default=DigestFrequency.DAILY
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints: ClassVar[list] = [
            models.UniqueConstraint(fields=["user", "kind", "value"], name="community_one_follow")
        ]

    def __str__(self):
        return f"{self.user} follows {self.kind} {self.value}"


class PendingDigestItem(models.Model):
    """A published page waiting for the next daily digest of one follow."""

    follow = models.ForeignKey(Follow, on_delete=models.CASCADE, related_name="pending_items")
    page = models.ForeignKey("core.BasePage", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar[list] = [
            models.UniqueConstraint(fields=["follow", "page"], name="community_one_digest_item")
        ]

    def __str__(self):
        return f"Digest item {self.page_id} for follow {self.follow_id}"


# --- The Declaration -----------------------------------------------------------------------


class SignatureStatus(models.TextChoices):
    AWAITING_APPROVER = "awaiting_approver", "Waiting for the senior approver to confirm"
    AWAITING_REVIEW = "awaiting_review", "Waiting for review by staff"
    APPROVED = "approved", "Signed"
    REJECTED = "rejected", "Not accepted"
    EXPIRED = "expired", "Expired: the senior approver did not confirm in time"


# An application the approver has not confirmed within this many days expires
# (`manage.py expire_declaration_applications`; its link stops working at once).
DECLARATION_CONFIRM_DAYS = 14


class Signature(models.Model):
    """An application to sign the Local Digital Declaration, and once approved the signature.

    An organisation signs once (a partial unique constraint on approved ones), but any number
    of applications may be in progress, so nobody can hold an organisation's place by applying
    in its name: staff see them all. Applications whose addresses are not on the organisation's
    email domains are flagged (`addresses_match`), and staff must say how they checked before
    approving one.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="signatures"
    )
    status = models.CharField(
        max_length=20,
        choices=SignatureStatus.choices,
        default=SignatureStatus.AWAITING_APPROVER,
        db_index=True,
    )
    lead_name = models.CharField("digital lead's name", max_length=150)
    lead_role = models.CharField("digital lead's job title", max_length=150)
    lead_email = models.EmailField("digital lead's work email")
    approver_name = models.CharField("senior approver's name", max_length=150)
    approver_role = models.CharField("senior approver's job title", max_length=150)
    approver_email = models.EmailField("senior approver's work email")
    approver_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    approver_confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    signed_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)
    addresses_match = models.BooleanField(
        "addresses on the organisation's email domains",
        null=True,
        editable=False,
        help_text="Unknown (empty) for applications made before addresses were checked.",
    )
    addresses_note = models.CharField(max_length=500, blank=True, editable=False)
    review_note = models.CharField(
        max_length=500,
        blank=True,
        help_text="Required to approve an application whose addresses do not match the "
        "organisation's email domains: say how you checked it is genuine.",
    )

    panels: ClassVar[list] = [
        FieldPanel("organisation", read_only=True),
        # The address check is shown as a warning above these (community/wagtail_hooks.py).
        MultiFieldPanel(
            [
                FieldPanel("lead_name", read_only=True),
                FieldPanel("lead_role", read_only=True),
                FieldPanel("lead_email", read_only=True),
            ],
            heading="Digital lead",
        ),
        MultiFieldPanel(
            [
                FieldPanel("approver_name", read_only=True),
                FieldPanel("approver_role", read_only=True),
                FieldPanel("approver_email", read_only=True),
            ],
            heading="Senior approver",
        ),
        FieldPanel("status"),
        FieldPanel("review_note"),
    ]

    class Meta:
        constraints: ClassVar[list] = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(status="approved"),
                name="community_one_approved_signature_per_org",
                violation_error_message="This organisation has already signed the Declaration: "
                "reject this application, or the other signature first.",
            )
        ]
        ordering: ClassVar[list] = ["-signed_at", "-created_at"]

    def __str__(self):
        return f"{self.organisation.name}: {self.get_status_display()}"

    @property
    def confirm_by(self) -> datetime.datetime:
        return self.created_at + datetime.timedelta(days=DECLARATION_CONFIRM_DAYS)

    @property
    def is_expired(self) -> bool:
        """Expired, or past its time and waiting for the daily job to mark it so."""
        if self.status == SignatureStatus.EXPIRED:
            return True
        return self.status == SignatureStatus.AWAITING_APPROVER and timezone.now() > self.confirm_by

    def clean(self):
        # The constraint says so too, but the admin form leaves `organisation` out (read only),
        # so Django would not check it there and saving would fail with a server error.
        if (
            self.status == SignatureStatus.APPROVED
            and Signature.objects.filter(
                organisation_id=self.organisation_id, status=SignatureStatus.APPROVED
            )
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError(
                {
                    "status": f"{self.organisation.name} has already signed the Declaration: "
                    "reject this application instead"
                }
            )
        # A flagged application may be genuine (a council on a shared host, an approver with
        # an address elsewhere), but only staff who checked may let it through.
        if (
            self.status == SignatureStatus.APPROVED
            and self.addresses_match is False
            and not self.review_note.strip()
        ):
            raise ValidationError(
                {
                    "review_note": "Say how you checked this application is genuine: its "
                    "addresses do not match the organisation's email domains"
                }
            )


class Commitment(models.Model):
    """What a signatory commits to do; public once its signature is approved."""

    signature = models.ForeignKey(Signature, on_delete=models.CASCADE, related_name="commitments")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="commitments"
    )
    title = models.CharField(max_length=200)
    partners = models.CharField(max_length=500, blank=True)
    mission = models.TextField(max_length=2000)
    impact = models.TextField(max_length=2000)
    is_published = models.BooleanField(default=False, db_index=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    panels: ClassVar[list] = [
        FieldPanel("title"),
        FieldPanel("partners"),
        FieldPanel("mission"),
        FieldPanel("impact"),
        FieldPanel("is_published"),
    ]

    class Meta:
        ordering: ClassVar[list] = ["-created_at"]

    def __str__(self):
        return self.title


class DeclarationPage(SiteUrlMixin, CachedRestrictionsMixin, UrlconfRoutesMixin, Page):
    """The Local Digital Declaration: its text, its principles, signing and signatories.

    Its own address and the ones below it (sign/, signatories/, confirm/<token>/) are served by
    the views in community/declaration/urls.py, so this module imports no view.
    """

    subpage_urlconf = "community.declaration.urls"

    # Its title ("The Local Digital Declaration") would push the header menu onto two rows.
    navigation_label = "Declaration"

    intro = models.TextField(blank=True, max_length=600)
    body = RichTextField(blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])
    signing_intro = RichTextField(
        blank=True,
        features=["bold", "italic", "ol", "ul", "link"],
        help_text="Shown above the form to sign the Declaration.",
    )

    content_panels: ClassVar[list] = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("signing_intro"),
    ]
    parent_page_types: ClassVar[list] = ["home.HomePage"]
    subpage_types: ClassVar[list] = []
    max_count = 1

    def get_template(self, request, *args, **kwargs):
        return "community/declaration/declaration_page.html"


# --- Collaboration -------------------------------------------------------------------------


class Seeking(models.TextChoices):
    SHARE_IDEAS = "share_ideas", "Share ideas"
    CONVERSATION = "conversation", "Open to a conversation"
    SHARE_FUNDING = "share_funding", "Share funding"


class BudgetBand(models.TextChoices):
    NONE = "none", "No budget yet"
    UNDER_25K = "under_25k", "Under £25,000"
    FROM_25K = "25k_100k", "£25,000 to £100,000"
    FROM_100K = "100k_500k", "£100,000 to £500,000"
    OVER_500K = "over_500k", "Over £500,000"


class OpportunityStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"
    WITHDRAWN = "withdrawn", "Withdrawn by a moderator"


class Opportunity(models.Model):
    """An organisation looks for partners to work on something together."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="opportunities"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="opportunities"
    )
    title = models.CharField(max_length=160)
    description = models.TextField(max_length=3000)
    service_area = models.ForeignKey(
        "core.ServiceArea", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    phase = models.CharField(max_length=20, choices=PHASES, blank=True)
    share_ideas = models.BooleanField(default=False)
    conversation = models.BooleanField("open to a conversation", default=False)
    share_funding = models.BooleanField(default=False)
    budget_band = models.CharField(
        max_length=20, choices=BudgetBand.choices, default=BudgetBand.NONE
    )
    closing_date = models.DateField(db_index=True)
    status = models.CharField(
        max_length=20,
        choices=OpportunityStatus.choices,
        default=OpportunityStatus.OPEN,
        db_index=True,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    panels: ClassVar[list] = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("status"),
        FieldPanel("closing_date"),
    ]

    class Meta:
        verbose_name_plural = "opportunities"
        ordering: ClassVar[list] = ["closing_date", "-created_at"]

    def __str__(self):
        return self.title

    @property
    def seeking_labels(self) -> list[str]:
        return [label for value, label in Seeking.choices if getattr(self, value)]

    @property
    def is_open(self) -> bool:
        return self.status == OpportunityStatus.OPEN and self.closing_date >= timezone.localdate()


class Interest(models.Model):
    """A member's organisation would like to work on an opportunity; one per member."""

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="interests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    message = models.TextField(max_length=1500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints: ClassVar[list] = [
            models.UniqueConstraint(fields=["opportunity", "user"], name="community_one_interest")
        ]

    def __str__(self):
        return f"{self.organisation} is interested in {self.opportunity}"
