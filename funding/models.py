"""The Local Digital Fund: rounds whose rules are data editors enter, and the applications,
partners, budgets, assessments and decisions made in them (docs/funding.md).

A round is a page on core.BasePage (searched, listed, downloaded and in the API like other
types, outside the library). Applications are plain rows: a draft belongs to the member who
started it; once submitted it is assessed by staff in the admin, and it is published with the
round's other applications, funded or not, when the round closes.
"""

import uuid
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey

from core import page_views
from core.models import BasePage, ListingPageMixin
from events.models import clock_time, long_day, uk_time

# What a round's page shows (its applications once closed, its figures) is read by
# funding.selectors, which imports these models: the page asks through this hook.
ROUND_CONTEXT = "funding_round_page_context"


class Phase(models.TextChoices):
    DISCOVERY = "discovery", "Discovery"
    ALPHA = "alpha", "Alpha"
    BETA = "beta", "Beta"


class LeadEligibility(models.TextChoices):
    ANY_SIGNATORY = "any", "Any signatory organisation"
    COUNCILS = "councils", "Signatory councils only"


class FundingRoundPage(BasePage):
    """One round of the fund, with its rules: who may lead, how many partners, what each phase
    may ask for, when it opens and closes, and how bids are scored."""

    opens_at = models.DateTimeField("opens")
    closes_at = models.DateTimeField("closes")
    decisions_by = models.DateField("decisions by", null=True, blank=True)
    minimum_organisations = models.PositiveSmallIntegerField(
        "minimum signatory organisations",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text="How many signatory organisations an application needs, its lead included.",
    )
    maximum_leads = models.PositiveSmallIntegerField(
        "applications an organisation may lead",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text="An organisation may partner in any number.",
    )
    lead_eligibility = models.CharField(
        "who may lead", max_length=20, choices=LeadEligibility, default=LeadEligibility.COUNCILS
    )
    funded_projects_only = models.BooleanField(
        "only for funded projects' next phases",
        default=False,
        help_text="Continuous funding: only a Declaration project funded before may apply, for "
        "its next phase, without waiting for a round.",
    )
    outputs_required = models.TextField(
        "what funded projects must publish",
        max_length=1000,
        blank=True,
        help_text="Shown on each funded project's page, like: user research findings, service "
        "patterns, a benefits case and code repositories, under open licences.",
    )

    content_type_label = "Funding round"
    content_type_plural_label = "Funding rounds"
    in_library = False
    schema_org_type = "Grant"
    parent_page_types: ClassVar[list] = ["funding.FundingIndexPage"]
    subpage_types: ClassVar[list] = []

    api_fields: ClassVar[list] = [
        APIField("opens_at"),
        APIField("closes_at"),
        APIField("decisions_by"),
        APIField("minimum_organisations"),
        APIField("maximum_leads"),
        APIField("lead_eligibility"),
        APIField("funded_projects_only"),
        APIField("outputs_required"),
        APIField("phase_limits"),
        APIField("criteria"),
    ]
    search_fields: ClassVar[list] = [
        *BasePage.search_fields,
        index.SearchField("outputs_required"),
        index.FilterField("closes_at"),
    ]
    content_panels: ClassVar[list] = [
        *BasePage.common_panels,
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], heading="Dates"),
        FieldPanel("decisions_by"),
        MultiFieldPanel(
            [
                FieldPanel("lead_eligibility"),
                FieldPanel("minimum_organisations"),
                FieldPanel("maximum_leads"),
                FieldPanel("funded_projects_only"),
            ],
            heading="Who may apply",
        ),
        FieldPanel("outputs_required"),
        InlinePanel("phase_limits", label="Phase", heading="Phases and amounts", min_num=1),
        InlinePanel("criteria", label="Criterion", heading="Assessment criteria", min_num=1),
        FieldPanel("body"),
        *BasePage.taxonomy_panels,
    ]

    class Meta:
        verbose_name = "funding round"

    @property
    def checked_on(self):
        # A round's page is a record of dates and rules, never due for review.
        return None

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": "The closing time must be after the opening time"})
        weights = [criterion.weight for criterion in self.criteria.all()]
        if weights and sum(weights) != 100:
            raise ValidationError(
                f"The criteria's weights must add up to 100; they add up to {sum(weights)}."
            )

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def has_closed(self, now=None) -> bool:
        return (now or timezone.now()) >= self.closes_at

    @property
    def opens_text(self) -> str:
        """ "Tuesday 24 November 2026 at 12pm": GOV.UK's style, in UK time."""
        return f"{long_day(uk_time(self.opens_at))} at {clock_time(uk_time(self.opens_at))}"

    @property
    def closes_text(self) -> str:
        return f"{long_day(uk_time(self.closes_at))} at {clock_time(uk_time(self.closes_at))}"

    @property
    def state_label(self) -> str:
        now = timezone.now()
        if now < self.opens_at:
            return "Opens soon"
        return "Open" if self.is_open(now) else "Closed"

    @property
    def listing_status(self) -> str:
        return self.state_label

    @cached_property
    def phase_limit_list(self):
        return list(self.phase_limits.all())

    def maximum_for(self, phase: str) -> int | None:
        for limit in self.phase_limit_list:
            if limit.phase == phase:
                return limit.maximum_amount
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_views.provided(ROUND_CONTEXT)(self, request))
        return context


class PhaseLimit(Orderable):
    """A phase a round funds, and the most one application may ask for in it."""

    round = ParentalKey(FundingRoundPage, related_name="phase_limits", on_delete=models.CASCADE)
    phase = models.CharField(max_length=20, choices=Phase)
    maximum_amount = models.PositiveIntegerField(
        "maximum (£)", validators=[MinValueValidator(1)], help_text="In whole pounds."
    )

    panels: ClassVar[list] = [FieldPanel("phase"), FieldPanel("maximum_amount")]
    api_fields: ClassVar[list] = [APIField("phase"), APIField("maximum_amount")]

    class Meta(Orderable.Meta):
        constraints: ClassVar[list] = [
            models.UniqueConstraint(fields=["round", "phase"], name="funding_one_limit_per_phase")
        ]


class AssessmentCriterion(Orderable):
    """What assessors score, and how much it counts (weights add up to 100)."""

    round = ParentalKey(FundingRoundPage, related_name="criteria", on_delete=models.CASCADE)
    title = models.CharField(max_length=200)
    description = models.TextField(max_length=1000, blank=True)
    weight = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(100)], help_text="Percent."
    )

    panels: ClassVar[list] = [FieldPanel("title"), FieldPanel("description"), FieldPanel("weight")]
    api_fields: ClassVar[list] = [APIField("title"), APIField("description"), APIField("weight")]

    def __str__(self):
        return self.title


class FundingIndexPage(ListingPageMixin, Page):
    """The Local Digital Fund: its rounds, open ones first."""

    listing_model = FundingRoundPage
    content_panels: ClassVar[list] = [*Page.content_panels, *ListingPageMixin.listing_panels]
    parent_page_types: ClassVar[list] = ["home.HomePage"]
    subpage_types: ClassVar[list] = ["funding.FundingRoundPage"]
    max_count = 1


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    WITHDRAWN = "withdrawn", "Withdrawn"
    FUNDED = "funded", "Funded"
    NOT_FUNDED = "not-funded", "Not funded"


# Applications the public may read once their round has closed: funded or not, all of them.
PUBLISHED_STATUSES = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.FUNDED,
    ApplicationStatus.NOT_FUNDED,
)
# Applications that count against an organisation's leads in a round.
COUNTED_STATUSES = (ApplicationStatus.DRAFT, *PUBLISHED_STATUSES)


class FundingApplication(models.Model):
    """A bid for one phase of one project, led by one organisation with signatory partners."""

    round = models.ForeignKey(
        FundingRoundPage, on_delete=models.PROTECT, related_name="applications"
    )
    lead_organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="led_applications"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="funding_applications",
    )
    status = models.CharField(
        max_length=20, choices=ApplicationStatus, default=ApplicationStatus.DRAFT, db_index=True
    )
    project = models.ForeignKey(
        "projects.ProjectPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="funding_applications",
        help_text="The Declaration project this bids for; none for a new one.",
    )
    project_title = models.CharField("project name", max_length=200)
    phase = models.CharField(max_length=20, choices=Phase, blank=True)
    amount_requested = models.PositiveIntegerField("amount requested (£)", null=True, blank=True)
    problem = models.TextField("the problem", max_length=3000, blank=True)
    users = models.TextField("who the users are", max_length=3000, blank=True)
    plan = models.TextField("the plan", max_length=5000, blank=True)
    principles = models.ManyToManyField("core.Principle", blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    amount_awarded = models.PositiveIntegerField("amount awarded (£)", null=True, blank=True)
    decision_reason = models.TextField("reasons for the decision", max_length=3000, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering: ClassVar[list] = ["round", "submitted_at", "pk"]
        permissions: ClassVar[list] = [
            ("assess_fundingapplication", "Can assess and decide funding applications")
        ]
        indexes: ClassVar[list] = [
            models.Index(fields=["round", "lead_organisation", "status"], name="funding_leads")
        ]

    def __str__(self):
        return f"{self.project_title} ({self.lead_organisation})"

    @property
    def reference(self) -> str:
        return f"LDF-{self.round_id}-{self.pk:04d}"

    @property
    def budget_total(self) -> int:
        return sum(line.amount for line in self.budget_lines.all())

    @property
    def is_decided(self) -> bool:
        return self.status in (ApplicationStatus.FUNDED, ApplicationStatus.NOT_FUNDED)


class ApplicationPartner(models.Model):
    """A partner organisation, and the named contact who confirms it takes part."""

    application = models.ForeignKey(
        FundingApplication, on_delete=models.CASCADE, related_name="partners"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    contact_name = models.CharField(max_length=150)
    contact_email = models.EmailField()
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    invited_at = models.DateTimeField(null=True, blank=True, editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering: ClassVar[list] = ["pk"]
        constraints: ClassVar[list] = [
            models.UniqueConstraint(
                fields=["application", "organisation"], name="funding_partner_once"
            )
        ]

    def __str__(self):
        return str(self.organisation)


class BudgetLine(models.Model):
    application = models.ForeignKey(
        FundingApplication, on_delete=models.CASCADE, related_name="budget_lines"
    )
    description = models.CharField(max_length=200)
    amount = models.PositiveIntegerField("amount (£)")

    class Meta:
        ordering: ClassVar[list] = ["pk"]

    def __str__(self):
        return f"{self.description}: £{self.amount:,}"


class Assessment(models.Model):
    """One assessor's scores for one application, or their declared conflict of interest."""

    application = models.ForeignKey(
        FundingApplication, on_delete=models.CASCADE, related_name="assessments"
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    conflict_of_interest = models.BooleanField(default=False)
    conflict_note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints: ClassVar[list] = [
            models.UniqueConstraint(
                fields=["application", "assessor"], name="funding_one_assessment_each"
            )
        ]

    def __str__(self):
        return f"{self.assessor} on {self.application}"

    @property
    def weighted_score(self) -> float | None:
        """Out of 100: each criterion's score (0 to 5) counted by its weight."""
        # .all(), so the review screen's prefetch (scores__criterion) serves every assessment.
        scores = list(self.scores.all())
        if self.conflict_of_interest or not scores:
            return None
        return round(sum(s.score * s.criterion.weight for s in scores) / 5, 1)


class CriterionScore(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(AssessmentCriterion, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(validators=[MaxValueValidator(5)])
    reason = models.TextField(max_length=2000)

    class Meta:
        constraints: ClassVar[list] = [
            models.UniqueConstraint(fields=["assessment", "criterion"], name="funding_score_once")
        ]

    def __str__(self):
        return f"{self.criterion}: {self.score}"
