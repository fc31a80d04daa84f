"""Events, event series and training courses (pages on core.BasePage), and registrations.

Each page type is a small class on BasePage, so search, tag and organisation pages, the API
and downloads treat events like every other content type (docs/events.md). Registrations
are plain rows: who is coming, who waits, who attended.
"""

import datetime
from typing import ClassVar
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core import page_views
from core.api_fields import lines
from core.models import BasePage, ListingPageMixin

# What the event pages show is read by events.selectors, which imports these models: the
# pages ask for it through Wagtail hooks of these names (events/wagtail_hooks.py), as core's
# pages do for listings (core/page_views.py).
EVENT_CONTEXT = "event_page_context"
CHILD_EVENTS_CONTEXT = "event_children_context"
WHATS_ON_CONTEXT = "whats_on_page_context"
WHATS_ON_DOWNLOAD = "whats_on_download"

# Every time on an event is entered and shown in UK time, whatever the server's zone.
UK_TIME = ZoneInfo("Europe/London")
TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class AttendanceMode(models.TextChoices):
    ONLINE = "online", "Online"
    IN_PERSON = "in-person", "In person"
    HYBRID = "hybrid", "In person and online"


class Audience(models.TextChoices):
    EVERYONE = "everyone", "Everyone"
    DIGITAL_TEAMS = "digital-teams", "Digital teams"
    LEADERS = "leaders", "Leaders"


# Where an in-person event takes place: the nine English regions and the three nations.
REGIONS = [
    (name, name)
    for name in (
        "East Midlands",
        "East of England",
        "London",
        "North East",
        "North West",
        "South East",
        "South West",
        "West Midlands",
        "Yorkshire and The Humber",
        "Scotland",
        "Wales",
        "Northern Ireland",
    )
]


# What's on's filter values, as the search index holds them (EventPage.listing_facets).
EVENT_TYPES = [("event", "Events"), ("course", "Training courses")]
ATTENDANCE = [
    (AttendanceMode.ONLINE.value, "Online"),
    (AttendanceMode.IN_PERSON.value, "In person"),
]
AUDIENCES = [(Audience.DIGITAL_TEAMS.value, "Digital teams"), (Audience.LEADERS.value, "Leaders")]
WHEN = [("upcoming", "Upcoming"), ("past", "Past")]


class MaterialKind(models.TextChoices):
    SLIDES = "slides", "Slides"
    RECORDING = "recording", "Recording"
    NOTES = "notes", "Notes"
    OTHER = "other", "Other"


class MaterialBlock(blocks.StructBlock):
    """Something kept from an event for those who missed it: a link or a document."""

    kind = blocks.ChoiceBlock(choices=MaterialKind.choices, default=MaterialKind.SLIDES)
    title = blocks.CharBlock(max_length=200)
    link = blocks.URLBlock(required=False, help_text="A recording or slides elsewhere")
    document = DocumentChooserBlock(required=False, help_text="Or a document on this site")

    class Meta:
        icon = "doc-full"
        template = "components/streamfield/material_block.html"
        preview_value = {"kind": "slides", "title": "Slides", "link": "https://example.org/"}
        description = "Slides, a recording or notes from the event."

    def clean(self, value):
        cleaned = super().clean(value)
        if not cleaned.get("link") and not cleaned.get("document"):
            raise blocks.StructBlockValidationError(
                block_errors={"link": ValidationError("Give a link or choose a document.")}
            )
        return cleaned


def uk_time(value: datetime.datetime | None) -> datetime.datetime | None:
    return value.astimezone(UK_TIME) if value else None


def clock_time(value: datetime.datetime) -> str:
    """10am, 12:30pm: the GOV.UK style for times."""
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"


def long_day(value: datetime.datetime) -> str:
    return f"{value:%A} {value.day} {value:%B %Y}"


def when_text(starts: datetime.datetime, ends: datetime.datetime) -> str:
    """ "Tuesday 9 March 2027, 10am to 12:30pm (UK time)", both ends in UK time."""
    starts, ends = uk_time(starts), uk_time(ends)
    if starts.date() == ends.date():
        return f"{long_day(starts)}, {clock_time(starts)} to {clock_time(ends)} (UK time)"
    return (
        f"{long_day(starts)}, {clock_time(starts)} to {long_day(ends)}, "
        f"{clock_time(ends)} (UK time)"
    )


class EventPage(BasePage):
    """One event, or one cohort of a training course (a child of the course's page)."""

    starts_at = models.DateTimeField("starts", help_text="UK time")
    ends_at = models.DateTimeField("ends", help_text="UK time")
    attendance_mode = models.CharField(
        "how people attend",
        max_length=20,
        choices=AttendanceMode.choices,
        default=AttendanceMode.IN_PERSON,
    )
    venue_name = models.CharField(max_length=200, blank=True)
    venue_address = models.TextField(blank=True, help_text="One line per part of the address")
    region = models.CharField(max_length=60, choices=REGIONS, blank=True)
    joining_instructions = models.TextField(
        blank=True,
        help_text="How to join online. Only sent to people with a place, in their emails.",
    )
    accessibility = models.TextField(
        "accessibility information",
        blank=True,
        help_text="Step-free access, hearing loops, captions, quiet rooms, how to ask for more.",
    )
    audience = models.CharField(max_length=20, choices=Audience.choices, default=Audience.EVERYONE)
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text="Places available. Leave empty for no limit."
    )
    registration_closes_at = models.DateTimeField(
        "registration closes",
        null=True,
        blank=True,
        help_text="UK time. Leave empty to take registrations until the event starts.",
    )
    materials = StreamField(
        [("material", MaterialBlock())],
        blank=True,
        use_json_field=True,
        help_text="After the event: slides, recordings and notes.",
    )
    # Set from the parent when saved: a cohort of a course needs the signatory check, and
    # the "What's on" filter reads it without a join on the tree.
    is_training = models.BooleanField(default=False, editable=False, db_index=True)

    content_type_label = "Event"
    content_type_plural_label = "Events"
    in_library = False  # announced by staff, not shared work (core.content_types)
    private_text_fields: ClassVar[tuple[str, ...]] = ("joining_instructions",)
    schema_org_type = "Event"
    api_fields: ClassVar[list] = [
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("attendance_mode"),
        APIField("venue_name"),
        APIField("venue_address", serializer=lines("address_lines")),
        APIField("region"),
        APIField("accessibility"),
        APIField("audience"),
        APIField("capacity"),
        APIField("registration_closes_at"),
        APIField("is_training"),
        APIField("materials"),
    ]

    search_fields: ClassVar[list] = [
        *BasePage.search_fields,
        index.SearchField("venue_name"),
        index.SearchField("venue_address"),
        index.SearchField("accessibility"),
        index.SearchField("materials"),
        index.FilterField("starts_at"),
    ]
    content_panels: ClassVar[list] = [
        *BasePage.common_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("audience"),
            ],
            heading="When (UK time) and who for",
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance_mode"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("region"),
                FieldPanel("joining_instructions"),
                FieldPanel("accessibility"),
            ],
            heading="Where",
        ),
        MultiFieldPanel(
            [FieldPanel("capacity"), FieldPanel("registration_closes_at")],
            heading="Registration",
        ),
        FieldPanel("body"),
        FieldPanel("materials"),
        MultiFieldPanel(
            [
                FieldPanel("organisations", heading="Hosts"),
                FieldPanel("service_areas"),
                FieldPanel("tags"),
                FieldPanel("principles"),
            ],
            heading="Who and what",
        ),
        MultiFieldPanel(
            [
                FieldPanel(
                    "date",
                    heading="Date announced",
                    help_text="When it was first announced: what's new and the feeds list it "
                    "by this day. Readers see when it happens from its start and end.",
                ),
                FieldPanel("licence", help_text="For the slides, recordings and notes."),
            ],
            heading="Dates and licence",
        ),
        InlinePanel("documents", label="Documents", heading="Documents"),
    ]
    parent_page_types: ClassVar[list] = [
        "events.EventIndexPage",
        "events.EventSeriesPage",
        "events.TrainingCoursePage",
    ]
    subpage_types: ClassVar[list] = []

    class Meta:
        verbose_name = "event"

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = "The end must be after the start."
        if self.attendance_mode != AttendanceMode.ONLINE and not self.venue_address.strip():
            errors["venue_address"] = "Enter the address of the venue for an in-person event."
        if (
            self.registration_closes_at
            and self.ends_at
            and self.registration_closes_at > self.ends_at
        ):
            errors["registration_closes_at"] = "Registration must close before the event ends."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.path and self.depth else None
        self.is_training = bool(parent) and issubclass(
            parent.specific_class or Page, TrainingCoursePage
        )
        super().save(*args, **kwargs)

    @property
    def checked_on(self):
        # An event is a record of a day, not advice that goes stale: never "Needs review".
        return None

    def listing_facets(self) -> list[tuple[str, str, str]]:
        """What's on's filters, in the search index (facet, value, label): a hybrid event is
        online and in person, an event for everyone is for digital teams and for leaders.
        "Upcoming or past" is decided now; events.services.whats_on_refresh re-indexes an
        event once it has ended (time passes; nothing is published)."""
        facets = [("event_type", *EVENT_TYPES[1 if self.is_training else 0])]
        facets += [
            ("attendance", value, label) for value, label in ATTENDANCE if value in self.attending
        ]
        for value, label in AUDIENCES:
            if self.audience in (value, Audience.EVERYONE):
                facets.append(("audience", value, label))
        if self.region:
            facets.append(("event_region", self.region, self.region))
        facets.append(("when", *WHEN[1 if self.is_past else 0]))
        return facets

    @property
    def attending(self) -> set[str]:
        """How one can attend: "online", "in-person" or both (hybrid)."""
        if self.attendance_mode == AttendanceMode.HYBRID:
            return {AttendanceMode.ONLINE.value, AttendanceMode.IN_PERSON.value}
        return {str(self.attendance_mode)}

    @property
    def listing_starts_at(self):
        return self.starts_at

    @property
    def listing_status(self) -> str:
        """Cards show when it is, beside the type."""
        start = uk_time(self.starts_at)
        return f"{start.day} {start:%B %Y}" if start else ""

    @property
    def when(self) -> str:
        return when_text(self.starts_at, self.ends_at)

    @property
    def starts_uk(self):
        return uk_time(self.starts_at)

    @property
    def ends_uk(self):
        return uk_time(self.ends_at)

    @property
    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def registration_deadline(self) -> datetime.datetime:
        return self.registration_closes_at or self.starts_at

    @property
    def registration_open(self) -> bool:
        return timezone.now() < self.registration_deadline

    @property
    def is_online(self) -> bool:
        return self.attendance_mode in (AttendanceMode.ONLINE, AttendanceMode.HYBRID)

    @property
    def is_in_person(self) -> bool:
        return self.attendance_mode in (AttendanceMode.IN_PERSON, AttendanceMode.HYBRID)

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.venue_address.splitlines() if line.strip()]

    @cached_property
    def parent_page(self):
        """The series or course this event belongs to, or None for a stand-alone event."""
        parent = self.get_parent()
        if parent is None or not issubclass(
            parent.specific_class or Page, (EventSeriesPage, TrainingCoursePage)
        ):
            return None
        return parent.specific

    @property
    def course(self):
        return self.parent_page if isinstance(self.parent_page, TrainingCoursePage) else None

    @property
    def series(self):
        return self.parent_page if isinstance(self.parent_page, EventSeriesPage) else None

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if not self.is_past:
            # Places left change with every registration, which publishes nothing: the
            # shared page cache must not keep an old count.
            response["Cache-Control"] = "private, no-cache"
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_views.provided(EVENT_CONTEXT)(self, request))
        return context

    def json_ld(self, request=None) -> dict:
        """schema.org Event: https://schema.org/Event, as search engines read it."""
        data = super().json_ld(request)
        for key in ("headline", "datePublished", "dateModified", "license", "inLanguage"):
            data.pop(key, None)
        modes = {
            AttendanceMode.ONLINE: "OnlineEventAttendanceMode",
            AttendanceMode.IN_PERSON: "OfflineEventAttendanceMode",
            AttendanceMode.HYBRID: "MixedEventAttendanceMode",
        }
        locations = []
        if self.is_in_person:
            locations.append(
                {
                    "@type": "Place",
                    "name": self.venue_name or (self.address_lines or [""])[0],
                    "address": {
                        "@type": "PostalAddress",
                        "streetAddress": ", ".join(self.address_lines),
                        "addressRegion": self.region or None,
                        "addressCountry": "GB",
                    },
                }
            )
        if self.is_online:
            locations.append({"@type": "VirtualLocation", "url": self.get_full_url(request)})
        data.update(
            {
                "startDate": self.starts_uk.isoformat(),
                "endDate": self.ends_uk.isoformat(),
                "eventAttendanceMode": f"https://schema.org/{modes[self.attendance_mode]}",
                "eventStatus": "https://schema.org/EventScheduled",
                "location": locations[0] if len(locations) == 1 else locations,
                "offers": {
                    "@type": "Offer",
                    "price": "0",
                    "priceCurrency": "GBP",
                    "url": self.get_full_url(request),
                    "availability": "https://schema.org/InStock",
                },
            }
        )
        if self.capacity:
            data["maximumAttendeeCapacity"] = self.capacity
        if "publisher" in data:
            data["organizer"] = data.pop("publisher")
            data.pop("author", None)
        return data


class EventsParentPage(BasePage):
    """A page whose children are events under What's on: a series, or a course's cohorts.
    Like an event, true of its dates, so it never falls due for review."""

    parent_page_types: ClassVar[list] = ["events.EventIndexPage"]
    subpage_types: ClassVar[list] = ["events.EventPage"]

    class Meta:
        abstract = True

    @property
    def checked_on(self):
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_views.provided(CHILD_EVENTS_CONTEXT)(self, request))
        return context


class EventSeriesPage(EventsParentPage):
    """A recurring series (a monthly show and tell); its events are its children."""

    frequency = models.CharField(
        max_length=200, blank=True, help_text='How often it happens, like "Monthly, on Tuesdays"'
    )
    audience = models.CharField(max_length=20, choices=Audience.choices, default=Audience.EVERYONE)

    content_type_label = "Event series"
    content_type_plural_label = "Event series"
    in_library = False
    schema_org_type = "EventSeries"
    api_fields: ClassVar[list] = [APIField("frequency"), APIField("audience")]

    search_fields: ClassVar[list] = [*BasePage.search_fields, index.SearchField("frequency")]
    content_panels: ClassVar[list] = [
        *BasePage.common_panels,
        FieldPanel("frequency"),
        FieldPanel("audience"),
        FieldPanel("body"),
        *BasePage.taxonomy_panels,
    ]

    class Meta:
        verbose_name = "event series"
        verbose_name_plural = "event series"


class TrainingCoursePage(EventsParentPage):
    """A course (agile for councils, cyber security): its cohorts are events under it."""

    audience = models.CharField(max_length=20, choices=Audience.choices, default=Audience.EVERYONE)
    who_it_is_for = RichTextField(features=TEXT_FEATURES, blank=True)
    what_you_will_learn = RichTextField(features=TEXT_FEATURES, blank=True)
    duration = models.CharField(max_length=120, blank=True, help_text='Like "Two half days"')
    signatories_only = models.BooleanField(
        "only for staff of signatory organisations",
        default=True,
        help_text="Free for staff of organisations that signed the Local Digital Declaration; "
        "others are told so when they try to register.",
    )

    content_type_label = "Training course"
    content_type_plural_label = "Training courses"
    in_library = False
    schema_org_type = "Course"
    api_fields: ClassVar[list] = [
        APIField("audience"),
        APIField("duration"),
        APIField("signatories_only"),
        APIField("who_it_is_for"),
        APIField("what_you_will_learn"),
    ]

    search_fields: ClassVar[list] = [
        *BasePage.search_fields,
        index.SearchField("duration"),
        index.SearchField("who_it_is_for"),
        index.SearchField("what_you_will_learn"),
    ]
    content_panels: ClassVar[list] = [
        *BasePage.common_panels,
        FieldPanel("audience"),
        FieldPanel("duration"),
        FieldPanel("signatories_only"),
        FieldPanel("who_it_is_for"),
        FieldPanel("what_you_will_learn"),
        FieldPanel("body"),
        *BasePage.taxonomy_panels,
    ]

    class Meta:
        verbose_name = "training course"

    def json_ld(self, request=None) -> dict:
        data = super().json_ld(request)
        data.pop("headline", None)
        if "publisher" in data:
            data["provider"] = data.pop("publisher")
            data.pop("author", None)
        return data


class EventIndexPage(ListingPageMixin, Page):
    """What's on: upcoming events and courses first, past events a click away."""

    listing_model = EventPage
    content_panels: ClassVar[list] = [*Page.content_panels, *ListingPageMixin.listing_panels]
    parent_page_types: ClassVar[list] = ["home.HomePage"]
    subpage_types: ClassVar[list] = [
        "events.EventPage",
        "events.EventSeriesPage",
        "events.TrainingCoursePage",
    ]
    max_count = 1

    def route_child(self, slug: str):
        # Events are most children (one query, as on every index page); series and courses
        # are the few others.
        page = super().route_child(slug)
        if page is None and slug.isprintable():
            page = self.get_children().filter(slug=slug).specific().first()
        return page

    def get_context(self, request, *args, **kwargs):
        # The listing path as on every index page, with What's on's own filters (type,
        # online or in person, audience, region) and upcoming or past, ordered by start.
        context = Page.get_context(self, request, *args, **kwargs)
        context.update(page_views.provided(WHATS_ON_CONTEXT)(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        """?format=csv or ?format=json downloads What's on as the page shows it."""
        export = page_views.provided(WHATS_ON_DOWNLOAD)(request, filename=self.slug)
        if export is not None:
            return export
        return Page.serve(self, request, *args, **kwargs)

    def get_template(self, request, *args, **kwargs):
        return "events/event_index_page.html"


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", "Has a place"
    WAITING = "waiting", "On the waiting list"
    CANCELLED = "cancelled", "Cancelled"


class Attendance(models.TextChoices):
    UNKNOWN = "", "Not recorded"
    ATTENDED = "attended", "Attended"
    ABSENT = "absent", "Did not attend"


class EventRegistration(models.Model):
    """One person's place (or place in the queue) at one event; one row per person and event,
    so registering again after cancelling reuses it."""

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
        help_text="Who they worked for when they registered.",
    )
    status = models.CharField(max_length=20, choices=RegistrationStatus.choices, db_index=True)
    # The waiting list's order: when they (last) asked for a place.
    queued_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    attendance = models.CharField(
        max_length=20, choices=Attendance.choices, blank=True, default=Attendance.UNKNOWN
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels: ClassVar[list] = [
        FieldPanel("event", read_only=True),
        FieldPanel("user", read_only=True),
        FieldPanel("status", read_only=True),
        FieldPanel("attendance"),
    ]

    class Meta:
        verbose_name = "event registration"
        ordering: ClassVar[list] = ["queued_at", "pk"]
        constraints: ClassVar[list] = [
            models.UniqueConstraint(fields=["event", "user"], name="events_one_registration_each")
        ]
        indexes: ClassVar[list] = [
            models.Index(fields=["event", "status", "queued_at"], name="events_reg_queue")
        ]

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.email} at {self.event.title}"

    @property
    def is_active(self) -> bool:
        return self.status in (RegistrationStatus.REGISTERED, RegistrationStatus.WAITING)
