"""Service patterns: the reusable design of a common council service."""

from typing import ClassVar

from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from core.api_fields import NamedListField, RelatedPagesField
from core.blocks import StepBlock
from core.models import BasePage, ListingPageMixin

TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class Maturity(models.TextChoices):
    EXPERIMENTAL = "experimental", "Experimental"
    BETA = "beta", "Beta"
    LIVE = "live", "Live"
    RETIRED = "retired", "Retired"


class ServicePatternPage(BasePage):
    """A reusable pattern, e.g. "Report a missed bin collection"."""

    user_needs = RichTextField(features=TEXT_FEATURES, blank=True)
    when_to_use = RichTextField(features=TEXT_FEATURES, blank=True)
    when_not_to_use = RichTextField(features=TEXT_FEATURES, blank=True)
    steps = StreamField([("step", StepBlock())], blank=True, use_json_field=True)
    components_and_standards = RichTextField(features=TEXT_FEATURES, blank=True)
    research = RichTextField(features=TEXT_FEATURES, blank=True)
    known_issues = RichTextField(features=TEXT_FEATURES, blank=True)
    maturity = models.CharField(max_length=20, choices=Maturity.choices, default=Maturity.BETA)
    lgsl_services = ParentalManyToManyField(
        "core.LocalService",
        blank=True,
        related_name="patterns",
        verbose_name="LGSL services",
    )

    content_type_label = "Service pattern"
    content_type_plural_label = "Service patterns"
    content_type_description = "Reusable designs for common council services."
    index_page_intro = (
        "<p>Reusable designs for common council services, and the councils that use them.</p>"
    )
    contribution_text_fields: ClassVar[tuple] = (
        ("user_needs", "User needs"),
        ("when_to_use", "When to use it"),
        ("known_issues", "Known issues"),
    )
    api_fields: ClassVar[list] = [
        APIField("maturity"),
        APIField("user_needs"),
        APIField("when_to_use"),
        APIField("when_not_to_use"),
        APIField("steps"),
        APIField("components_and_standards"),
        APIField("research"),
        APIField("known_issues"),
        APIField("lgsl_services", serializer=NamedListField(["code", "description"])),
        APIField("case_studies", serializer=RelatedPagesField()),
    ]
    reuse_label = "Using this pattern"
    schema_org_type = "HowTo"

    search_fields: ClassVar[list] = [
        *BasePage.search_fields,
        index.SearchField("user_needs"),
        index.SearchField("when_to_use"),
        index.SearchField("when_not_to_use"),
        index.SearchField("steps"),
        index.SearchField("components_and_standards"),
        index.SearchField("research"),
        index.SearchField("known_issues"),
        index.FilterField("maturity"),
    ]
    content_panels: ClassVar[list] = [
        *BasePage.common_panels,
        FieldPanel("maturity"),
        FieldPanel("user_needs"),
        MultiFieldPanel(
            [FieldPanel("when_to_use"), FieldPanel("when_not_to_use")], heading="When to use it"
        ),
        FieldPanel("steps"),
        FieldPanel("components_and_standards"),
        FieldPanel("research"),
        FieldPanel("known_issues"),
        FieldPanel("lgsl_services"),
        FieldPanel("body"),
        *BasePage.taxonomy_panels,
    ]
    parent_page_types: ClassVar[list] = ["patterns.ServicePatternIndexPage"]
    subpage_types: ClassVar[list] = []

    class Meta:
        verbose_name = "service pattern"

    related_sections: ClassVar[list] = [("Case studies that used this pattern", "case_studies")]

    def listing_facets(self) -> list[tuple[str, str, str]]:
        return [("maturity", self.maturity, self.get_maturity_display())]

    @property
    def listing_status(self) -> str:
        return self.get_maturity_display()


class ServicePatternIndexPage(ListingPageMixin, Page):
    listing_model = ServicePatternPage
    content_panels: ClassVar[list] = [*Page.content_panels, *ListingPageMixin.listing_panels]
    parent_page_types: ClassVar[list] = ["home.HomePage"]
    subpage_types: ClassVar[list] = ["patterns.ServicePatternPage"]
    max_count = 1
