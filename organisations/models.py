"""The organisation directory (every UK council plus other bodies) and its index page."""

from typing import ClassVar
from urllib.parse import urlparse

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from core import page_views
from core.models.routing import CachedRestrictionsMixin, SiteUrlMixin
from core.page_cache import cached_per_generation
from organisations.domains import domain_is_shared, domain_is_valid, domain_normalise

NATIONS = [
    ("England", "England"),
    ("Scotland", "Scotland"),
    ("Wales", "Wales"),
    ("Northern Ireland", "Northern Ireland"),
]


class OrganisationType(models.TextChoices):
    COUNCIL = "council", "Council"
    COMBINED_AUTHORITY = "combined-authority", "Combined authority"
    CENTRAL_GOVERNMENT = "central-government", "Central government"
    SECTOR_BODY = "sector-body", "Sector body"
    SUPPLIER = "supplier", "Supplier"
    OTHER = "other", "Other public body"


GOVERNMENT_TYPES = {
    OrganisationType.COUNCIL,
    OrganisationType.COMBINED_AUTHORITY,
    OrganisationType.CENTRAL_GOVERNMENT,
    OrganisationType.OTHER,
}


def organisation_listed_names() -> dict[str, str]:
    """Unambiguous names, by slug, for the organisations whose name another one shares.

    Two organisations can share a short name (Somerset Council and the former Somerset
    County Council are both "Somerset"), and a card reading "From Somerset, Somerset" tells a
    reader nothing. Only those few need another label; the rest keep their short name. Read
    once per page-cache generation, which any organisation change starts afresh.
    """
    return cached_per_generation("organisation_listed_names", _listed_names)


def _listed_names() -> dict[str, str]:
    shared = (
        Organisation.objects.values("name")
        .annotate(total=models.Count("id"))
        .filter(total__gt=1)
        .values("name")
    )
    namesakes = list(
        Organisation.objects.filter(name__in=shared).only(
            "slug", "name", "official_name", "organisation_type", "council_type"
        )
    )
    official_names = [org.official_name for org in namesakes]
    names = {}
    for org in namesakes:
        if org.official_name and official_names.count(org.official_name) == 1:
            names[org.slug] = org.official_name
        else:
            kind = org.council_type or org.get_organisation_type_display()
            names[org.slug] = f"{org.name} ({kind.lower()})"
    return names


def organisations_index_url() -> str:
    """The directory's address as the page tree has it ("" while it is not live).

    Editors may rename the index page, so the address is read from the tree, once per publish
    generation: a rename is a publish, and every card built afterwards follows it at no query.
    """

    def live_index_url() -> str:
        index = OrganisationIndexPage.objects.live().first()
        return (index.url or "") if index else ""

    return cached_per_generation("organisations-index-url", live_index_url)


def organisation_url(slug: str) -> str:
    """An organisation's page, routed by the organisations index page (OrganisationIndexPage);
    "" while there is no live directory to route it."""
    index_url = organisations_index_url()
    return f"{index_url}{slug}/" if index_url else ""


class Organisation(index.Indexed, ClusterableModel):
    """A council or other body. Councils are keyed on mySociety's stable three-letter code."""

    code = models.CharField(
        max_length=20,
        unique=True,
        help_text="Stable identifier: the local-authority code for councils (e.g. BIR).",
    )
    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(
        max_length=255, help_text="The short name readers know, e.g. Birmingham"
    )
    official_name = models.CharField(max_length=255, blank=True)
    organisation_type = models.CharField(
        max_length=30,
        choices=OrganisationType.choices,
        default=OrganisationType.COUNCIL,
        db_index=True,
    )
    council_type = models.CharField(
        max_length=80, blank=True, help_text="For councils: e.g. London borough, County council"
    )
    nation = models.CharField(max_length=20, choices=NATIONS, blank=True, db_index=True)
    region = models.CharField(max_length=60, blank=True, db_index=True)
    gss_code = models.CharField("GSS code", max_length=9, blank=True)
    website = models.URLField(blank=True)
    is_current = models.BooleanField(
        "current", default=True, help_text="Former councils stay so their work stays attributed."
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    replaced_by = models.CharField(max_length=255, blank=True)
    population = models.PositiveIntegerField(null=True, blank=True)
    description = RichTextField(blank=True, features=["bold", "italic", "link"])

    search_fields: ClassVar[list] = [
        index.SearchField("name", boost=3),
        index.SearchField("official_name"),
        index.AutocompleteField("name"),
        index.FilterField("organisation_type"),
        index.FilterField("nation"),
        index.FilterField("is_current"),
    ]
    panels: ClassVar[list] = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("official_name"),
                FieldPanel("code"),
                FieldPanel("slug"),
            ],
            heading="Name",
        ),
        MultiFieldPanel(
            [
                FieldPanel("organisation_type"),
                FieldPanel("council_type"),
                FieldPanel("nation"),
                FieldPanel("region"),
                FieldPanel("gss_code"),
            ],
            heading="Kind and place",
        ),
        FieldPanel("website"),
        InlinePanel(
            "email_domains",
            heading="Email domains",
            label="Email domain",
            help_text="A member whose confirmed address is on one of these (or a subdomain of "
            "one) is verified as working here, and Declaration applications from them need no "
            "extra check. Only the organisation's own domains, e.g. hackney.gov.uk: never a "
            "shared one such as gov.uk or nhs.net.",
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_current"),
                FieldPanel("start_date"),
                FieldPanel("end_date"),
                FieldPanel("replaced_by"),
            ],
            heading="History",
        ),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["name"]
        indexes: ClassVar[list] = [models.Index(fields=["organisation_type", "nation", "region"])]

    def __str__(self):
        return self.name if self.is_current else f"{self.name} (former)"

    def get_absolute_url(self):
        return organisation_url(self.slug)

    @property
    def listed_name(self) -> str:
        """The name to show in lists and cards: the short name, unless another shares it."""
        return organisation_listed_names().get(self.slug, self.name)

    @property
    def place(self) -> str:
        """Region and nation, each once: "London, England"; "Northern Ireland" (whose region
        in the source data is the nation itself); empty when neither is known."""
        return ", ".join(dict.fromkeys(part for part in (self.region, self.nation) if part))

    @cached_property
    def website_domain(self) -> str:
        host = urlparse(self.website).hostname or ""
        return host.removeprefix("www.").lower()

    @cached_property
    def email_domain_names(self) -> list[str]:
        """This organisation's email domains, as stored; organisations.selectors decides what
        an address on them proves."""
        return [item.domain for item in self.email_domains.all()]

    @property
    def schema_org_type(self) -> str:
        """Public bodies are schema.org GovernmentOrganizations; suppliers and sector bodies not."""
        if self.organisation_type in GOVERNMENT_TYPES:
            return "GovernmentOrganization"
        return "Organization"

    def json_ld_reference(self) -> dict:
        """The short form used inside a page's JSON-LD (as its publisher or author)."""
        return {"@type": self.schema_org_type, "name": self.name, "identifier": self.code}

    def json_ld(self) -> dict:
        data = {
            "@context": "https://schema.org",
            "@type": self.schema_org_type,
            "name": self.official_name or self.name,
            "alternateName": self.name
            if self.official_name and self.official_name != self.name
            else None,
            "identifier": self.code,
            "url": self.website or None,
            "areaServed": self.region or self.nation or None,
            "foundingDate": self.start_date.isoformat() if self.start_date else None,
            "dissolutionDate": self.end_date.isoformat() if self.end_date else None,
        }
        if self.gss_code:
            data["identifier"] = [
                self.code,
                {"@type": "PropertyValue", "propertyID": "GSS", "value": self.gss_code},
            ]
        return {key: value for key, value in data.items() if value}


def validate_email_domain(value: str) -> None:
    domain = domain_normalise(value)
    if not domain_is_valid(domain):
        raise ValidationError(
            "Enter a domain in the correct format, like hackney.gov.uk", code="invalid"
        )
    if domain_is_shared(domain):
        raise ValidationError(
            f"{domain} is shared by many organisations, so it cannot stand for this one. "
            f"Enter the organisation's own domain, like hackney.gov.uk",
            code="shared",
        )


class OrganisationEmailDomain(Orderable):
    """One email domain that belongs to an organisation (hackney.gov.uk). Editors keep the
    list; shared hosts (organisations.domains.SHARED_EMAIL_DOMAINS) are refused."""

    organisation = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="email_domains")
    domain = models.CharField(
        max_length=253,
        validators=[validate_email_domain],
        help_text="Subdomains count too: hackney.gov.uk covers learning.hackney.gov.uk.",
    )

    panels: ClassVar[list] = [FieldPanel("domain")]

    class Meta(Orderable.Meta):
        verbose_name = "email domain"
        constraints: ClassVar[list] = [
            models.UniqueConstraint(
                fields=["organisation", "domain"], name="organisations_one_email_domain_per_org"
            )
        ]

    def __str__(self):
        return self.domain

    def clean(self):
        # Stored as matched: "@Hackney.gov.uk " and "hackney.gov.uk" are one domain.
        self.domain = domain_normalise(self.domain)

    def save(self, *args, **kwargs):
        self.domain = domain_normalise(self.domain)
        super().save(*args, **kwargs)


class OrganisationIndexPage(SiteUrlMixin, CachedRestrictionsMixin, RoutablePageMixin, Page):
    """/organisations/: the directory, and one page per organisation listing its work."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels: ClassVar[list] = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types: ClassVar[list] = ["home.HomePage"]
    subpage_types: ClassVar[list] = []
    max_count = 1

    @path("")
    def directory(self, request):
        organisation_directory = page_views.provided(page_views.ORGANISATION_DIRECTORY)
        return organisation_directory(request, index_page=self)

    @path("<slug:slug>/")
    def organisation(self, request, slug):
        organisation_detail = page_views.provided(page_views.ORGANISATION_DETAIL)
        return organisation_detail(request, index_page=self, slug=slug)
