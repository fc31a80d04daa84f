"""Case studies, procurement briefs and business cases: each a small class on core.BasePage."""

from typing import ClassVar

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from core.api_fields import RelatedPagesField, child_rows, lines
from core.blocks.content import KeyFiguresBlock
from core.models import PHASES, BasePage, ListingPageMixin

TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class OutcomeBlock(blocks.StructBlock):
    measure = blocks.CharBlock(max_length=160, help_text="What was measured")
    before = blocks.CharBlock(max_length=60, required=False)
    after = blocks.CharBlock(max_length=60, required=False)
    note = blocks.CharBlock(max_length=255, required=False)

    class Meta:
        icon = "success"
        template = "components/streamfield/outcome_block.html"
        preview_value = {
            "measure": "Average time to book a repair",
            "before": "22 minutes",
            "after": "4 minutes",
        }
        description = "A measured outcome: what changed, from what, to what."


class CaseStudyPage(BasePage):
    """What a council did, why, what it cost and what changed."""

    problem = RichTextField(features=TEXT_FEATURES, blank=True)
    approach = RichTextField(features=TEXT_FEATURES, blank=True)
    outcomes = StreamField(
        [("outcome", OutcomeBlock()), ("key_figures", KeyFiguresBlock())],
        blank=True,
        use_json_field=True,
    )
    total_cost = models.DecimalField(
        max_digits=12, decimal_places=0, null=True, blank=True, help_text="In pounds"
    )
    annual_saving = models.DecimalField(
        max_digits=12, decimal_places=0, null=True, blank=True, help_text="In pounds per year"
    )
    cost_notes = models.TextField(blank=True)
    phase = models.CharField(max_length=20, choices=PHASES, blank=True)
    started = models.DateField(null=True, blank=True)
    finished = models.DateField(null=True, blank=True)
    lessons_learned = RichTextField(features=TEXT_FEATURES, blank=True)
    partners = models.TextField(blank=True, help_text="Suppliers and partners, one per line")
    contact_name = models.CharField(max_length=120, blank=True)
    contact_email = models.EmailField(blank=True)
    related_briefs = ParentalManyToManyField(
        "casestudies.ProcurementBriefPage", blank=True, related_name="case_studies"
    )
    related_business_cases = ParentalManyToManyField(
        "casestudies.BusinessCasePage", blank=True, related_name="case_studies"
    )
    patterns_used = ParentalManyToManyField(
        "patterns.ServicePatternPage", blank=True, related_name="case_studies"
    )

    content_type_label = "Case study"
    content_type_plural_label = "Case studies"
    content_type_description = "What a council did, what it cost and what changed."
    index_page_intro = "<p>What councils did, why, what it cost and what changed.</p>"
    contribution_text_fields: ClassVar[tuple] = (
        ("problem", "The problem"),
        ("approach", "What you did"),
        ("lessons_learned", "What you learned"),
    )
    contribution_money_fields: ClassVar[tuple] = (
        ("total_cost", "Total cost (optional)", "In pounds, for the whole project."),
        ("annual_saving", "Saving each year (optional)", "In pounds a year."),
    )
    api_fields: ClassVar[list] = [
        APIField("problem"),
        APIField("approach"),
        APIField("outcomes"),
        APIField("total_cost"),
        APIField("annual_saving"),
        APIField("cost_notes"),
        APIField("phase"),
        APIField("started"),
        APIField("finished"),
        APIField("lessons_learned"),
        APIField("partners", serializer=lines("partner_list")),
        APIField("contact_name"),
        APIField("contact_email"),
        APIField("related_briefs", serializer=RelatedPagesField()),
        APIField("related_business_cases", serializer=RelatedPagesField()),
        APIField("patterns_used", serializer=RelatedPagesField()),
    ]
    schema_org_type = "Article"

    search_fields: ClassVar[list] = [
        *BasePage.search_fields,
        index.SearchField("problem"),
        index.SearchField("approach"),
        index.SearchField("outcomes"),
        index.SearchField("lessons_learned"),
        index.SearchField("cost_notes"),
        index.SearchField("partners"),
        index.SearchField("contact_name"),
        index.FilterField("phase"),
    ]
    content_panels: ClassVar[list] = [
        *BasePage.common_panels,
        FieldPanel("problem"),
        FieldPanel("approach"),
        FieldPanel("outcomes"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("total_cost"), FieldPanel("annual_saving")]),
                FieldPanel("cost_notes"),
            ],
            heading="Costs and savings",
        ),
        MultiFieldPanel(
            [FieldPanel("phase"), FieldRowPanel([FieldPanel("started"), FieldPanel("finished")])],
            heading="Timeline",
        ),
        FieldPanel("lessons_learned"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("partners"), FieldPanel("contact_name"), FieldPanel("contact_email")],
            heading="Partners and contact",
        ),
        MultiFieldPanel(
            [
                FieldPanel("related_briefs"),
                FieldPanel("related_business_cases"),
                FieldPanel("patterns_used"),
            ],
            heading="Related work",
        ),
        *BasePage.taxonomy_panels,
    ]
    parent_page_types: ClassVar[list] = ["casestudies.CaseStudyIndexPage"]
    subpage_types: ClassVar[list] = []

    class Meta:
        verbose_name = "case study"
        verbose_name_plural = "case studies"

    related_sections: ClassVar[list] = [
        ("Procurement briefs", "related_briefs"),
        ("Business cases", "related_business_cases"),
        ("Service patterns used", "patterns_used"),
    ]

    @property
    def partner_list(self):
        return [line.strip() for line in self.partners.splitlines() if line.strip()]


class ProcurementRoute(models.TextChoices):
    G_CLOUD = "g-cloud", "G-Cloud"
    DOS = "dos", "Digital Outcomes and Specialists"
    OPEN = "open", "Open procedure"
    RESTRICTED = "restricted", "Restricted procedure"
    COMPETITIVE_FLEXIBLE = "competitive-flexible", "Competitive flexible procedure"
    FRAMEWORK = "framework", "Other framework call-off"
    DIRECT_AWARD = "direct-award", "Direct award"
    BELOW_THRESHOLD = "below-threshold", "Below-threshold quotation"


class BriefStatus(models.TextChoices):
    DRAFT = "draft", "Being written"
    OPEN = "open", "Open for bids"
    CLOSED = "closed", "Closed, evaluating"
    AWARDED = "awarded", "Awarded"


class ProcurementBriefPage(BasePage):
    """How a council bought it: route, budget, requirements, evaluation and award."""

    problem = RichTextField(features=TEXT_FEATURES, blank=True)
    users = RichTextField("who the users are", features=TEXT_FEATURES, blank=True)
    phase = models.CharField(max_length=20, choices=PHASES, blank=True)
    procurement_route = models.CharField(
        "route", max_length=30, choices=ProcurementRoute.choices, blank=True
    )
    budget_min = models.DecimalField(max_digits=12, decimal_places=0, null=True, blank=True)
    budget_max = models.DecimalField(max_digits=12, decimal_places=0, null=True, blank=True)
    contract_length_months = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(240)]
    )
    essential_skills = models.TextField(blank=True, help_text="One per line")
    nice_to_have_skills = models.TextField(blank=True, help_text="One per line")
    status = models.CharField(
        max_length=20, choices=BriefStatus.choices, default=BriefStatus.AWARDED
    )
    awarded_to = models.CharField(max_length=255, blank=True)
    award_value = models.DecimalField(max_digits=12, decimal_places=0, null=True, blank=True)
    award_date = models.DateField(null=True, blank=True)

    content_type_label = "Procurement brief"
    content_type_plural_label = "Procurement briefs"
    content_type_description = "How it was bought: route, budget, evaluation and award."
    index_page_intro = (
        "<p>How councils bought it: route, budget, requirements, evaluation and award.</p>"
    )
    contribution_text_fields: ClassVar[tuple] = (
        ("problem", "The problem to solve"),
        ("users", "Who the users are"),
    )
    contribution_money_fields: ClassVar[tuple] = (
        ("budget_min", "Lowest budget (optional)", "In pounds, the lower end of the range."),
        ("budget_max", "Highest budget (optional)", "In pounds, the upper end of the range."),
    )
    api_fields: ClassVar[list] = [
        APIField("problem"),
        APIField("users"),
        APIField("phase"),
        APIField("procurement_route"),
        APIField("budget_min"),
        APIField("budget_max"),
        APIField("contract_length_months"),
        APIField("essential_skills", serializer=lines("essential_skill_list")),
        APIField("nice_to_have_skills", serializer=lines("nice_to_have_skill_list")),
        APIField("evaluation_criteria", serializer=child_rows("criterion", "weighting")),
        APIField("status"),
        APIField("awarded_to"),
        APIField("award_value"),
        APIField("award_date"),
        APIField("case_studies", serializer=RelatedPagesField()),
    ]
    schema_org_type = "Report"

    search_fields: ClassVar[list] = [
        *BasePage.search_fields,
        index.SearchField("problem"),
        index.SearchField("users"),
        index.SearchField("essential_skills"),
        index.SearchField("nice_to_have_skills"),
        index.SearchField("awarded_to"),
        index.FilterField("procurement_route"),
        index.FilterField("status"),
    ]
    content_panels: ClassVar[list] = [
        *BasePage.common_panels,
        FieldPanel("problem"),
        FieldPanel("users"),
        MultiFieldPanel(
            [
                FieldPanel("phase"),
                FieldPanel("procurement_route"),
                FieldRowPanel([FieldPanel("budget_min"), FieldPanel("budget_max")]),
                FieldPanel("contract_length_months"),
            ],
            heading="Route and budget",
        ),
        MultiFieldPanel(
            [FieldPanel("essential_skills"), FieldPanel("nice_to_have_skills")],
            heading="Skills and experience",
        ),
        InlinePanel("evaluation_criteria", label="Evaluation criterion", heading="Evaluation"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("awarded_to"),
                FieldRowPanel([FieldPanel("award_value"), FieldPanel("award_date")]),
            ],
            heading="Status and award",
        ),
        FieldPanel("body"),
        *BasePage.taxonomy_panels,
    ]
    parent_page_types: ClassVar[list] = ["casestudies.ProcurementBriefIndexPage"]
    subpage_types: ClassVar[list] = []

    class Meta:
        verbose_name = "procurement brief"

    def clean(self):
        super().clean()
        if (
            self.budget_min is not None
            and self.budget_max is not None
            and self.budget_min > self.budget_max
        ):
            raise ValidationError(
                {"budget_max": "The maximum budget must not be less than the minimum."}
            )

    # Case studies link the brief they bought through or reused, so "used" fits both.
    related_sections: ClassVar[list] = [("Case studies that used this brief", "case_studies")]

    @property
    def evaluation_heading(self) -> str:
        """The criteria's heading in the tense the brief's stage allows: only a closed or
        awarded brief has had bids evaluated."""
        if self.status == BriefStatus.AWARDED:
            return "How bids were evaluated"
        if self.status == BriefStatus.CLOSED:
            return "How bids are being evaluated"
        return "How bids will be evaluated"

    @property
    def stage_notice(self) -> str:
        """What a reader should know about a brief that is not yet awarded; empty once it is."""
        return {
            BriefStatus.DRAFT: "This brief is still being written. The requirements, budget and "
            "evaluation criteria may change before it is published to suppliers.",
            BriefStatus.OPEN: "This brief is open for bids. No supplier has been chosen yet.",
            BriefStatus.CLOSED: "Bids have closed and are being evaluated. No contract has been "
            "awarded yet.",
        }.get(self.status, "")

    @property
    def is_awarded(self) -> bool:
        return self.status == BriefStatus.AWARDED

    @property
    def essential_skill_list(self):
        return [line.strip() for line in self.essential_skills.splitlines() if line.strip()]

    @property
    def nice_to_have_skill_list(self):
        return [line.strip() for line in self.nice_to_have_skills.splitlines() if line.strip()]


class EvaluationCriterion(Orderable):
    """One evaluation criterion of a brief with its weighting in per cent."""

    page = ParentalKey(
        ProcurementBriefPage, related_name="evaluation_criteria", on_delete=models.CASCADE
    )
    criterion = models.CharField(max_length=200)
    weighting = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(0), MaxValueValidator(100)], help_text="Per cent"
    )

    panels: ClassVar[list] = [FieldPanel("criterion"), FieldPanel("weighting")]


class BusinessCaseStage(models.TextChoices):
    SOC = "soc", "Strategic outline case"
    OBC = "obc", "Outline business case"
    FBC = "fbc", "Full business case"


class BusinessCasePage(BasePage):
    """How a council justified it, in HM Treasury's five cases."""

    stage = models.CharField(max_length=10, choices=BusinessCaseStage.choices, blank=True)
    strategic_case = RichTextField(features=TEXT_FEATURES, blank=True)
    economic_case = RichTextField(features=TEXT_FEATURES, blank=True)
    commercial_case = RichTextField(features=TEXT_FEATURES, blank=True)
    financial_case = RichTextField(features=TEXT_FEATURES, blank=True)
    management_case = RichTextField(features=TEXT_FEATURES, blank=True)
    whole_life_cost = models.DecimalField(max_digits=12, decimal_places=0, null=True, blank=True)
    annual_benefit = models.DecimalField(max_digits=12, decimal_places=0, null=True, blank=True)
    payback_months = models.PositiveSmallIntegerField(null=True, blank=True)
    funding_source = models.CharField(max_length=255, blank=True)
    approved_by = models.CharField(max_length=255, blank=True)
    approval_date = models.DateField(null=True, blank=True)

    content_type_label = "Business case"
    content_type_plural_label = "Business cases"
    content_type_description = "How it was justified, in the five cases."
    index_page_intro = "<p>How councils justified it, in HM Treasury's five cases.</p>"
    contribution_text_fields: ClassVar[tuple] = (
        ("strategic_case", "The strategic case"),
        ("economic_case", "The economic case"),
        ("financial_case", "The financial case"),
    )
    contribution_money_fields: ClassVar[tuple] = (
        ("whole_life_cost", "Whole life cost of the preferred option (optional)", "In pounds."),
        ("annual_benefit", "Benefit each year (optional)", "In pounds a year."),
    )
    api_fields: ClassVar[list] = [
        APIField("stage"),
        APIField("strategic_case"),
        APIField("economic_case"),
        APIField("commercial_case"),
        APIField("financial_case"),
        APIField("management_case"),
        APIField(
            "options",
            serializer=child_rows(
                "name", "description", "whole_life_cost", "is_do_nothing", "is_preferred"
            ),
        ),
        APIField("whole_life_cost"),
        APIField("annual_benefit"),
        APIField("payback_months"),
        APIField("funding_source"),
        APIField("approved_by"),
        APIField("approval_date"),
        APIField("case_studies", serializer=RelatedPagesField()),
    ]
    schema_org_type = "Report"

    search_fields: ClassVar[list] = [
        *BasePage.search_fields,
        index.SearchField("strategic_case"),
        index.SearchField("economic_case"),
        index.SearchField("commercial_case"),
        index.SearchField("financial_case"),
        index.SearchField("management_case"),
        index.SearchField("funding_source"),
        index.SearchField("approved_by"),
        index.FilterField("stage"),
    ]
    content_panels: ClassVar[list] = [
        *BasePage.common_panels,
        FieldPanel("stage"),
        FieldPanel("strategic_case"),
        FieldPanel("economic_case"),
        InlinePanel("options", label="Option", heading="Options considered"),
        FieldPanel("commercial_case"),
        FieldPanel("financial_case"),
        FieldPanel("management_case"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("whole_life_cost"), FieldPanel("annual_benefit")]),
                FieldPanel("payback_months"),
                FieldPanel("funding_source"),
                FieldRowPanel([FieldPanel("approved_by"), FieldPanel("approval_date")]),
            ],
            heading="Cost, benefit and approval",
        ),
        FieldPanel("body"),
        *BasePage.taxonomy_panels,
    ]
    parent_page_types: ClassVar[list] = ["casestudies.BusinessCaseIndexPage"]
    subpage_types: ClassVar[list] = []

    class Meta:
        verbose_name = "business case"

    related_sections: ClassVar[list] = [("Case studies", "case_studies")]

    @property
    def five_cases(self):
        return [
            ("Strategic case", self.strategic_case),
            ("Economic case", self.economic_case),
            ("Commercial case", self.commercial_case),
            ("Financial case", self.financial_case),
            ("Management case", self.management_case),
        ]


class BusinessCaseOption(Orderable):
    """An option considered in a business case, including doing nothing."""

    page = ParentalKey(BusinessCasePage, related_name="options", on_delete=models.CASCADE)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    whole_life_cost = models.DecimalField(max_digits=12, decimal_places=0, null=True, blank=True)
    is_do_nothing = models.BooleanField("this is the do-nothing option", default=False)
    is_preferred = models.BooleanField("preferred option", default=False)

    panels: ClassVar[list] = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("whole_life_cost"),
        FieldRowPanel([FieldPanel("is_do_nothing"), FieldPanel("is_preferred")]),
    ]


class CaseStudyIndexPage(ListingPageMixin, Page):
    listing_model = CaseStudyPage
    content_panels: ClassVar[list] = [*Page.content_panels, *ListingPageMixin.listing_panels]
    parent_page_types: ClassVar[list] = ["home.HomePage"]
    subpage_types: ClassVar[list] = ["casestudies.CaseStudyPage"]
    max_count = 1


class ProcurementBriefIndexPage(ListingPageMixin, Page):
    listing_model = ProcurementBriefPage
    content_panels: ClassVar[list] = [*Page.content_panels, *ListingPageMixin.listing_panels]
    parent_page_types: ClassVar[list] = ["home.HomePage"]
    subpage_types: ClassVar[list] = ["casestudies.ProcurementBriefPage"]
    max_count = 1


class BusinessCaseIndexPage(ListingPageMixin, Page):
    listing_model = BusinessCasePage
    content_panels: ClassVar[list] = [*Page.content_panels, *ListingPageMixin.listing_panels]
    parent_page_types: ClassVar[list] = ["home.HomePage"]
    subpage_types: ClassVar[list] = ["casestudies.BusinessCasePage"]
    max_count = 1
