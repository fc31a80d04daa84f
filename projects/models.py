"""Declaration projects (pages on core.BasePage, outside the library) and their updates.

Signing the Local Digital Declaration commits an organisation to a project; each project is
a page, so search, listings, downloads, feeds, the sitemap and the API treat it like every
other type (docs/projects.md). Updates are plain rows that members post and moderators
approve, as comments are.
"""

import datetime
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers

from community.models import ModerationStatus
from core import page_views
from core.api_fields import InstanceField, OrganisationListField
from core.models import BasePage, ListingPageMixin
from core.site_url import absolute_url
from projects.blocks import ProjectLinkBlock

# What a project page shows is read by projects.selectors, which imports these models: the
# page asks for it through a Wagtail hook of this name (projects/wagtail_hooks.py), as
# core's pages do for listings (core/page_views.py).
PROJECT_CONTEXT = "project_page_context"

# A project with no published update for this long is marked "No update since <date>", and
# its lead organisation's members are reminded once (manage.py send_project_reminders).
STALE_AFTER_DAYS = 90


class ProjectPhase(models.TextChoices):
    DISCOVERY = "discovery", "Discovery"
    ALPHA = "alpha", "Alpha"
    BETA = "beta", "Beta"
    LIVE = "live", "Live"
    RETIRED = "retired", "Retired"


class ProjectStatus(models.TextChoices):
    ON_TRACK = "on-track", "On track"
    AT_RISK = "at-risk", "At risk"
    PAUSED = "paused", "Paused"
    COMPLETED = "completed", "Completed"


def long_date(value: datetime.date) -> str:
    return f"{value.day} {value:%B %Y}"


class ProjectOutputsField(InstanceField):
    """What the project produced on this site: only pages that are themselves live and
    public, so a draft case study linked from a project never leaks through the API."""

    def to_representation(self, project):
        request = self.context.get("request")
        ids = [output.page_id for output in project.outputs.all()]
        pages = Page.objects.filter(pk__in=ids).live().public().specific()
        return [
            {
                "id": page.id,
                "title": page.title,
                "type": f"{page.specific_class._meta.app_label}.{page.specific_class.__name__}",
                "html_url": page.get_full_url(request),
            }
            for page in pages
        ]


class LeadOrganisationField(InstanceField):
    def to_representation(self, project):
        organisation = project.lead_organisation
        if organisation is None:
            return None
        return {
            "code": organisation.code,
            "name": organisation.name,
            "slug": organisation.slug,
            "html_url": absolute_url(organisation.get_absolute_url()),
        }


class ProjectPage(BasePage):
    """One Declaration project: who leads it, where it is, what it costs and produced."""

    lead_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="led_projects",
        help_text="The signatory that committed to this project.",
    )
    partner_organisations = ParentalManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="partner_projects",
        help_text="Other organisations working on it.",
    )
    phase = models.CharField(
        max_length=20, choices=ProjectPhase.choices, default=ProjectPhase.DISCOVERY
    )
    status = models.CharField(
        max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.ON_TRACK
    )
    planned_end = models.DateField(null=True, blank=True)
    budget = models.PositiveIntegerField(null=True, blank=True, help_text="In whole pounds.")
    funding_source = models.CharField(
        max_length=200,
        blank=True,
        help_text='Who pays, like "Local Digital Fund round 6". Leave empty if unfunded.',
    )
    links = StreamField(
        [("link", ProjectLinkBlock())],
        blank=True,
        use_json_field=True,
        help_text="What it produced elsewhere: code, blog posts, show and tell recordings.",
    )
    # The commitment made when signing that this project came from (projects.services).
    commitment = models.OneToOneField(
        "community.Commitment",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="project",
    )

    content_type_label = "Declaration project"
    content_type_plural_label = "Declaration projects"
    in_library = False  # a signatory's commitment, not shared work (core.content_types)
    followable = True  # members follow one project for its updates (FollowKind.PAGE)
    schema_org_type = "Project"
    api_fields: ClassVar[list] = [
        APIField("lead_organisation", serializer=LeadOrganisationField()),
        APIField("partner_organisations", serializer=OrganisationListField()),
        APIField("project_phase", serializer=serializers.CharField(source="phase")),
        APIField("project_status", serializer=serializers.CharField(source="status")),
        APIField("planned_end"),
        APIField("budget"),
        APIField("funding_source"),
        APIField("outputs", serializer=ProjectOutputsField()),
        APIField("links"),
    ]

    search_fields: ClassVar[list] = [
        *BasePage.search_fields,
        index.SearchField("funding_source"),
        index.SearchField("links"),
        index.FilterField("phase"),
        index.FilterField("status"),
    ]
    content_panels: ClassVar[list] = [
        *BasePage.common_panels,
        MultiFieldPanel(
            [FieldPanel("lead_organisation"), FieldPanel("partner_organisations")],
            heading="Who",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("phase"), FieldPanel("status")]),
                FieldRowPanel(
                    [
                        FieldPanel(
                            "date",
                            heading="Start date",
                            help_text="When the project started: the listing's year.",
                        ),
                        FieldPanel("planned_end"),
                    ]
                ),
            ],
            heading="Where it is",
        ),
        MultiFieldPanel([FieldPanel("budget"), FieldPanel("funding_source")], heading="Money"),
        FieldPanel("body"),
        InlinePanel(
            "outputs",
            label="Page on this site",
            heading="What it produced on this site",
            help_text="Case studies, patterns, briefs and business cases.",
        ),
        FieldPanel("links"),
        MultiFieldPanel(
            [FieldPanel("service_areas"), FieldPanel("tags"), FieldPanel("principles")],
            heading="What",
        ),
        FieldPanel("licence"),
        InlinePanel("documents", label="Documents", heading="Documents"),
    ]
    parent_page_types: ClassVar[list] = ["projects.ProjectIndexPage"]
    subpage_types: ClassVar[list] = []

    class Meta:
        verbose_name = "Declaration project"

    def clean(self):
        super().clean()
        if self.planned_end and self.date and self.planned_end < self.date:
            raise ValidationError({"planned_end": "The planned end must be after the start."})

    def save(self, *args, **kwargs):
        # BasePage.organisations is what search, organisation pages and follows read: the
        # lead first, then the partners, kept from the two fields editors fill in.
        if self.lead_organisation_id:
            partners = [org for org in self.partner_organisations.all()]
            self.organisations.set(
                [
                    self.lead_organisation,
                    *(o for o in partners if o.pk != self.lead_organisation_id),
                ]
            )
        super().save(*args, **kwargs)

    @cached_property
    def publisher(self):
        return self.lead_organisation

    @property
    def checked_on(self):
        # A project is kept current by its updates ("No update since"), not by review.
        return None

    @property
    def is_funded(self) -> bool:
        return bool(self.funding_source.strip())

    @cached_property
    def last_update_on(self) -> datetime.date | None:
        """The day of its latest published (approved) update, if it has any."""
        return (
            self.updates.filter(status=ModerationStatus.APPROVED)
            .order_by("-happened_on")
            .values_list("happened_on", flat=True)
            .first()
        )

    @property
    def fresh_since(self) -> datetime.date:
        """What freshness counts from: the latest update, else when it was first published
        (or, for a page never published, its start)."""
        if self.last_update_on:
            return self.last_update_on
        if self.first_published_at:
            return timezone.localdate(self.first_published_at)
        return self.date

    def is_stale(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        if self.status == ProjectStatus.COMPLETED or self.phase == ProjectPhase.RETIRED:
            return False  # finished work owes no updates
        return (today - self.fresh_since).days >= STALE_AFTER_DAYS

    @property
    def freshness_text(self) -> str:
        return f"No update since {long_date(self.fresh_since)}" if self.is_stale() else ""

    def listing_place_organisations(self, organisations):
        # The listing's nation and region are the lead organisation's, not its partners'.
        return [org for org in organisations if org.pk == self.lead_organisation_id]

    def listing_facets(self) -> list[tuple[str, str, str]]:
        facets = [
            ("phase", self.phase, self.get_phase_display()),
            ("status", self.status, self.get_status_display()),
            ("funded", "yes", "Funded") if self.is_funded else ("funded", "no", "Not funded"),
        ]
        facets += [
            ("principle", str(principle.number), principle.title)
            for principle in self.principles.all()
        ]
        return facets

    @property
    def listing_status(self) -> str:
        """Cards show the phase and status, and when it has gone quiet."""
        words = f"{self.get_phase_display()}, {self.get_status_display().lower()}"
        return f"{words}. {self.freshness_text}" if self.freshness_text else words

    @property
    def partner_list(self) -> list:
        return [org for org in self.organisation_list if org.pk != self.lead_organisation_id]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_views.provided(PROJECT_CONTEXT)(self, request))
        return context


class ProjectOutput(Orderable):
    """A page on this site the project produced (a case study, a pattern, a brief...)."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="outputs")
    page = models.ForeignKey("core.BasePage", on_delete=models.CASCADE, related_name="+")

    panels: ClassVar[list] = [PageChooserPanel("page", "core.BasePage")]

    def clean(self):
        super().clean()
        page = self.page if self.page_id else None
        if page is not None and not page.specific_class.in_library:
            raise ValidationError({"page": "Choose a case study, pattern, brief or business case."})


class ProjectIndexPage(ListingPageMixin, Page):
    """Declaration projects: the listing, filtered by phase, status, principle and place."""

    listing_model = ProjectPage
    content_panels: ClassVar[list] = [*Page.content_panels, *ListingPageMixin.listing_panels]
    parent_page_types: ClassVar[list] = ["home.HomePage"]
    subpage_types: ClassVar[list] = ["projects.ProjectPage"]
    max_count = 1

    class Meta:
        verbose_name = "Declaration projects index"


class ProjectUpdate(models.Model):
    """What happened on a project and what is next, from a member of one of its
    organisations; shown once a moderator approves it, and approval applies its change of
    phase or status to the page."""

    project = models.ForeignKey(ProjectPage, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="project_updates",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    happened_on = models.DateField("date", default=datetime.date.today)
    what_happened = models.TextField(max_length=3000)
    what_next = models.TextField("what is next", max_length=3000, blank=True)
    new_phase = models.CharField(max_length=20, choices=ProjectPhase.choices, blank=True)
    new_status = models.CharField(max_length=20, choices=ProjectStatus.choices, blank=True)
    status = models.CharField(
        "moderation",
        max_length=20,
        choices=ModerationStatus.choices,
        default=ModerationStatus.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    moderated_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels: ClassVar[list] = [
        FieldPanel("project", read_only=True),
        FieldPanel("happened_on", read_only=True),
        FieldPanel("what_happened", read_only=True),
        FieldPanel("what_next", read_only=True),
        FieldPanel("new_phase", read_only=True),
        FieldPanel("new_status", read_only=True),
        FieldPanel("status"),
    ]

    class Meta:
        verbose_name = "project update"
        ordering: ClassVar[list] = ["-happened_on", "-created_at"]

    def __str__(self):
        return f"Update on {self.project.title} ({self.happened_on})"


class ProjectReminder(models.Model):
    """A reminder sent for one stale spell of one project: a project is reminded about once
    per spell, however often the command runs, and again only after a new update."""

    project = models.ForeignKey(ProjectPage, on_delete=models.CASCADE, related_name="reminders")
    fresh_since = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar[list] = [
            models.UniqueConstraint(
                fields=["project", "fresh_since"], name="projects_one_reminder_per_spell"
            )
        ]

    def __str__(self):
        return f"Reminder for {self.project_id} (quiet since {self.fresh_since})"
