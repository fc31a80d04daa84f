"""The base page every content type inherits: shared fields, search, listing and JSON-LD."""

import calendar
import datetime
import functools
from typing import ClassVar

from django.db import connection, models
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import Truncator

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase

from core import page_views
from core.api_fields import (
    DocumentListField,
    LicenceField,
    NamedListField,
    OrganisationListField,
    TagListField,
)
from core.blocks import BaseStreamBlock

from .routing import CachedRestrictionsMixin, SiteUrlMixin
from .taxonomies import ContentTag

LICENCES = [
    ("ogl-3", "Open Government Licence v3.0"),
    ("cc-by-4", "Creative Commons Attribution 4.0"),
    ("cc-by-sa-4", "Creative Commons Attribution-ShareAlike 4.0"),
    ("cc0", "CC0 1.0 (public domain dedication)"),
    ("mit", "MIT licence (code)"),
]
LICENCE_URLS = {
    "ogl-3": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    "cc-by-4": "https://creativecommons.org/licenses/by/4.0/",
    "cc-by-sa-4": "https://creativecommons.org/licenses/by-sa/4.0/",
    "cc0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "mit": "https://opensource.org/license/mit",
}

PHASES = [
    ("discovery", "Discovery"),
    ("alpha", "Alpha"),
    ("beta", "Beta"),
    ("live", "Live"),
]


# Content not checked for this long is flagged "Needs review" (cards, a listing filter, an
# editor report): councils act on these pages, and policy, prices and suppliers move on.
REVIEW_INTERVAL_MONTHS = 18


def review_due_cutoff(today: datetime.date | None = None) -> datetime.date:
    """Content last checked before this date needs review: REVIEW_INTERVAL_MONTHS ago."""
    today = today or timezone.localdate()
    year, month_index = divmod(today.year * 12 + today.month - 1 - REVIEW_INTERVAL_MONTHS, 12)
    # 31 August less 18 months is the end of February, not an invalid date.
    last_day = calendar.monthrange(year, month_index + 1)[1]
    return datetime.date(year, month_index + 1, min(today.day, last_day))


def needs_review(checked_on: datetime.date | None, today: datetime.date | None = None) -> bool:
    """Whether content last checked on `checked_on` (reviewed, or else published) is overdue."""
    return checked_on is not None and checked_on < review_due_cutoff(today)


class TaggedContent(ItemBase):
    """Links a free tag to a content page; one table for every type keeps tag pages cheap."""

    tag = models.ForeignKey(ContentTag, related_name="tagged_pages", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "core.BasePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class BasePage(SiteUrlMixin, CachedRestrictionsMixin, Page):
    """Shared by case studies, briefs, business cases and patterns.

    Concrete (multi-table) rather than abstract, so that listings across types, tag pages,
    organisation pages and the search index read one table with one query (docs/content-model.md).
    Editors never create a bare BasePage.
    """

    summary = models.TextField(
        max_length=600, help_text="One or two sentences shown in listings and search results."
    )
    body = StreamField(BaseStreamBlock(), blank=True, use_json_field=True)
    date = models.DateField(
        "date published",
        default=datetime.date.today,
        db_index=True,
        help_text="The date readers see; usually when the work was first shared.",
    )
    last_reviewed = models.DateField(null=True, blank=True)
    licence = models.CharField(max_length=20, choices=LICENCES, default="ogl-3")
    tags = ClusterTaggableManager(through=TaggedContent, blank=True)
    service_areas = ParentalManyToManyField("core.ServiceArea", blank=True, related_name="pages")
    principles = ParentalManyToManyField(
        "core.Principle",
        blank=True,
        related_name="pages",
        help_text="Which Local Digital Declaration principles this work shows.",
    )
    organisations = ParentalManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="published_pages",
        help_text="Who this work is from. The first is shown as the publisher.",
    )
    reuse_count = models.PositiveIntegerField(
        default=0,
        db_index=True,
        editable=False,
        help_text="Organisations that recorded reusing this; kept by community services.",
    )

    is_creatable = False

    # What a content type declares about itself, once: the content-type registry
    # (core.content_types) gives it to feeds, contribution forms, the home page, the site
    # tree, the API and the tests. Every concrete subclass sets the labels and descriptions
    # (system check core.E010).
    content_type_label = "Content"  # one, as cards and search results name it: "Case study"
    # Shared work in the library (case studies, briefs, business cases, patterns): members
    # contribute it, and each such type has a home-page section, an index page in the site
    # tree, a feed and follows of its own, and generated demo pages. Other types built on
    # BasePage (events) are searched, listed, downloaded and in the API like it, but join
    # none of those (core.content_types.library_types).
    in_library: ClassVar[bool] = True
    # Text fields only some readers get (an online event's joining details): never searched,
    # never in the API, as tests/core/test_page_types.py checks.
    private_text_fields: ClassVar[tuple[str, ...]] = ()
    # Whether members may follow one page of the type (FollowKind.PAGE): only pages with news
    # of their own after publication (a Declaration project's updates).
    followable: ClassVar[bool] = False
    content_type_plural_label = ""  # several: "Case studies" (index page, feed, home section)
    content_type_description = ""  # one line under its section on the home page
    index_page_intro = ""  # the intro (HTML) the site tree gives its new index page
    # What a member's contribution form asks for beyond title, summary and body:
    # (field name, label) of plain-text inputs written as paragraphs...
    contribution_text_fields: ClassVar[tuple[tuple[str, str], ...]] = ()
    # ...and (field name, label, hint) of optional sums in whole pounds.
    contribution_money_fields: ClassVar[tuple[tuple[str, str, str], ...]] = ()
    # The public API's fields (Wagtail's own attribute). A subclass lists only its own: the
    # API shows those of every class it inherits from first (localdigital.api.api_fields_for).
    api_fields: ClassVar[list[APIField]] = [
        APIField("summary"),
        APIField("date"),
        APIField("last_reviewed"),
        APIField("licence", serializer=LicenceField()),
        APIField("tags", serializer=TagListField()),
        APIField("service_areas", serializer=NamedListField(["name", "slug"])),
        APIField("organisations", serializer=OrganisationListField()),
        APIField("principles", serializer=NamedListField(["number", "title"])),
        APIField("reuse_count"),
        APIField("body"),
        APIField("documents", serializer=DocumentListField()),
    ]

    # Beside reuse_count on the page: organisations other than its own, suppliers apart
    # (community.engagement.selectors.counted_reuse_records).
    reuse_label = "Reused by"
    review_interval_months = REVIEW_INTERVAL_MONTHS
    schema_org_type = "Article"

    search_fields: ClassVar[list] = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("service_areas", [index.SearchField("name")]),
        index.RelatedFields("organisations", [index.SearchField("name")]),
    ]

    common_panels: ClassVar[list] = [
        TitleFieldPanel("title"),
        FieldPanel("summary"),
    ]
    taxonomy_panels: ClassVar[list] = [
        MultiFieldPanel(
            [
                FieldPanel("organisations"),
                FieldPanel("service_areas"),
                FieldPanel("tags"),
                FieldPanel("principles"),
            ],
            heading="Who and what",
        ),
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel(
                    "last_reviewed",
                    help_text="When someone last checked that this is still right. Pages not "
                    f"checked for {REVIEW_INTERVAL_MONTHS} months are flagged for review.",
                ),
                FieldPanel("licence"),
            ],
            heading="Dates and licence",
        ),
        InlinePanel("documents", label="Documents", heading="Documents"),
    ]

    class Meta:
        verbose_name = "content page"
        # The editors' report of content due for review (core.reports).
        permissions: ClassVar[list] = [("review_basepage", "Can see content due for review")]

    @cached_property
    def publisher(self):
        return self.organisation_list[0] if self.organisation_list else None

    @property
    def checked_on(self) -> datetime.date | None:
        """When the content was last checked: its review, or else its publication."""
        return self.last_reviewed or self.date

    @property
    def needs_review(self) -> bool:
        return needs_review(self.checked_on)

    def listing_facets(self) -> list[tuple[str, str, str]]:
        """(facet, value, label) a type adds to the search index's filters; patterns add
        their maturity."""
        return []

    def listing_place_organisations(self, organisations):
        """Of `organisations` (the page's), those whose nation and region the listing's
        place filters count; all of them by default, a project only its lead."""
        return organisations

    @property
    def listing_status(self) -> str:
        """A word a card shows beside the type (a pattern's maturity); none by default."""
        return ""

    @property
    def listing_starts_at(self):
        """When the thing happens, for the index's "starts" sorts (an event); none by default."""
        return None

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    @property
    def short_summary(self):
        return Truncator(self.summary).chars(240)

    # Linked work shown at the foot of the page: (heading, name of a many-to-many relation to
    # other content pages, either side of it).
    related_sections: ClassVar[list[tuple[str, str]]] = []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        related_cards = page_views.provided(page_views.RELATED_CARDS)
        context["related_sections"] = related_cards(related_section_ids(self))
        return context

    # Each relation is read once per request however often the template and JSON-LD use it;
    # a routed request fills them all at once (core.models.relations.load_page_relations).
    @cached_property
    def organisation_list(self):
        return list(self.organisations.all())

    @cached_property
    def tag_list(self):
        return list(self.tags.all())

    @cached_property
    def service_area_list(self):
        return list(self.service_areas.all())

    @cached_property
    def principle_list(self):
        return list(self.principles.all())

    @cached_property
    def document_list(self):
        if "documents" in getattr(self, "_prefetched_objects_cache", {}):
            return list(self.documents.all())
        return list(self.documents.select_related("document"))

    def json_ld(self, request=None) -> dict:
        data = {
            "@context": "https://schema.org",
            "@type": self.schema_org_type,
            "headline": self.title,
            "name": self.title,
            "description": self.summary,
            "datePublished": self.date.isoformat() if self.date else None,
            "dateModified": (self.last_published_at or timezone.now()).date().isoformat(),
            "license": self.licence_url,
            "url": self.get_full_url(request),
            "inLanguage": "en-GB",
            "isAccessibleForFree": True,
            "keywords": [tag.name for tag in self.tag_list],
            "about": [{"@type": "Thing", "name": area.name} for area in self.service_area_list],
        }
        publishers = [org.json_ld_reference() for org in self.organisation_list]
        if publishers:
            data["publisher"] = publishers[0]
            data["author"] = publishers
        return {key: value for key, value in data.items() if value not in (None, "", [])}


class RelatedDocument(Orderable):
    """A Wagtail document attached to a content page (the brief, the business case PDF...)."""

    page = ParentalKey(BasePage, related_name="documents", on_delete=models.CASCADE)
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=200, blank=True, help_text="Defaults to the document title")

    panels: ClassVar[list] = [FieldPanel("document"), FieldPanel("title")]

    @property
    def display_title(self):
        return self.title or self.document.title


class StandardPage(SiteUrlMixin, CachedRestrictionsMixin, Page):
    """A plain page: the accessibility statement, the privacy notice, about the site."""

    summary = models.TextField(blank=True, max_length=600)
    body = StreamField(BaseStreamBlock(), blank=True, use_json_field=True)
    last_reviewed = models.DateField(null=True, blank=True)

    content_panels: ClassVar[list] = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]
    search_fields: ClassVar[list] = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types: ClassVar[list] = ["home.HomePage", "core.StandardPage"]
    subpage_types: ClassVar[list] = ["core.StandardPage"]

    def get_template(self, request, *args, **kwargs):
        return "core/standard_page.html"


def related_section_ids(page: BasePage) -> list[tuple[str, set[int]]]:
    """The ids of the pages linked in each of `page.related_sections`, in that order.

    Saved links come from the relations' link tables in one query. A preview holds its
    unsaved links in memory (modelcluster), so they are read from there. Whether each linked
    page is public is for the caller to decide (listings.selectors.related_cards reads only
    indexed pages).
    """
    sections = type(page).related_sections
    if not sections:
        return []
    linked = [getattr(page, name).all() for _heading, name in sections]
    if not all(isinstance(items, QuerySet) for items in linked):
        return [
            (heading, {item.pk for item in items})
            for (heading, _name), items in zip(sections, linked, strict=True)
        ]
    ids_by_position: list[set[int]] = [set() for _section in sections]
    sql = _linked_ids_sql(type(page), tuple(name for _heading, name in sections))
    with connection.cursor() as cursor:
        cursor.execute(sql, [page.pk] * len(sections))
        for linked_id, position in cursor.fetchall():
            ids_by_position[position].add(linked_id)
    return [(heading, ids) for (heading, _name), ids in zip(sections, ids_by_position, strict=True)]


@functools.cache
def _linked_ids_sql(model: type, names: tuple[str, ...]) -> str:
    """One UNION ALL over the link tables of `model`'s many-to-many relations `names`.

    Building the same query from the relations' querysets cost about 1.5 ms of ORM work per
    page view; the SQL itself takes a fraction of that. A reverse relation (a brief's case
    studies) reads the same link table from the other side.
    """
    quote = connection.ops.quote_name
    selects = []
    for position, name in enumerate(names):
        relation = model._meta.get_field(name)
        if relation.auto_created:  # the reverse side of another model's field
            field = relation.remote_field
            page_column, linked_column = field.m2m_reverse_name(), field.m2m_column_name()
        else:
            field = relation
            page_column, linked_column = field.m2m_column_name(), field.m2m_reverse_name()
        selects.append(
            f"SELECT {quote(linked_column)}, {position:d} FROM {quote(field.m2m_db_table())} "  # noqa: S608 - names from _meta
            f"WHERE {quote(page_column)} = %s"
        )
    return " UNION ALL ".join(selects)
