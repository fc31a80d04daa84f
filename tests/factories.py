"""Factories that build content under the real site tree (home → index pages), and the
community records tests need."""

import datetime

from django.utils import timezone

import factory
import wagtail_factories

from casestudies.models import BusinessCasePage, CaseStudyPage, ProcurementBriefPage
from community.models import Signature, SignatureStatus
from core.models import ServiceArea, StandardPage
from events.models import UK_TIME, EventPage, EventSeriesPage, TrainingCoursePage
from funding.models import AssessmentCriterion, FundingRoundPage, PhaseLimit
from organisations.models import Organisation, OrganisationEmailDomain, OrganisationType
from patterns.models import ServicePatternPage
from projects.models import ProjectPage


class OrganisationFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: f"T{n:03d}")
    slug = factory.Sequence(lambda n: f"test-council-{n}")
    name = factory.Sequence(lambda n: f"Test Council {n}")
    organisation_type = OrganisationType.COUNCIL
    nation = "England"
    region = "North West"

    class Meta:
        model = Organisation
        django_get_or_create = ("code",)
        skip_postgeneration_save = True

    @factory.post_generation
    def email_domains(obj, create, extracted, **kwargs):
        """email_domains=["hackney.gov.uk"]: stored as given, bypassing the admin's checks,
        so a test can also plant a shared host that an older version let in."""
        if create and extracted:
            OrganisationEmailDomain.objects.bulk_create(
                OrganisationEmailDomain(organisation=obj, domain=domain, sort_order=index)
                for index, domain in enumerate(extracted)
            )


class SignatureFactory(factory.django.DjangoModelFactory):
    """A signed (approved) Declaration signature; pass status= for one still in progress."""

    organisation = factory.SubFactory(OrganisationFactory)
    status = SignatureStatus.APPROVED
    signed_at = factory.LazyAttribute(
        lambda signature: timezone.now() if signature.status == SignatureStatus.APPROVED else None
    )
    lead_name = "Lead Name"
    lead_role = "Head of digital"
    lead_email = "lead@council.gov.uk"
    approver_name = "Approver Name"
    approver_role = "Chief executive"
    approver_email = "approver@council.gov.uk"

    class Meta:
        model = Signature


class ServiceAreaFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Service area {n}")
    slug = factory.Sequence(lambda n: f"service-area-{n}")

    class Meta:
        model = ServiceArea
        django_get_or_create = ("slug",)


class ContentPageFactory(wagtail_factories.PageFactory):
    """Builds a published page with a revision, as an editor's publish would."""

    summary = factory.Sequence(lambda n: f"A summary of piece of work number {n}.")
    date = datetime.date(2024, 5, 1)

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def organisations(obj, create, extracted, **kwargs):
        if extracted:
            obj.organisations.set(extracted)

    @factory.post_generation
    def service_areas(obj, create, extracted, **kwargs):
        if extracted:
            obj.service_areas.set(extracted)

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if extracted:
            obj.tags.set(extracted)

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):
        """Publish through a revision unless publish=False (which leaves a draft)."""
        if not create:
            return
        if extracted is False:
            obj.live = False
            obj.has_unpublished_changes = True
            obj.save()
            obj.save_revision()
            return
        obj.save_revision().publish()


class CaseStudyPageFactory(ContentPageFactory):
    title = factory.Sequence(lambda n: f"Case study {n}")
    phase = "live"

    class Meta:
        model = CaseStudyPage


class ProcurementBriefPageFactory(ContentPageFactory):
    title = factory.Sequence(lambda n: f"Procurement brief {n}")
    procurement_route = "g-cloud"

    class Meta:
        model = ProcurementBriefPage


class BusinessCasePageFactory(ContentPageFactory):
    title = factory.Sequence(lambda n: f"Business case {n}")
    stage = "obc"

    class Meta:
        model = BusinessCasePage


class ServicePatternPageFactory(ContentPageFactory):
    title = factory.Sequence(lambda n: f"Service pattern {n}")
    maturity = "beta"

    class Meta:
        model = ServicePatternPage


def days_from_now(days: float, *, hour: int = 10) -> datetime.datetime:
    """A time `days` from now at `hour` o'clock UK time (aware)."""
    day = timezone.now().astimezone(UK_TIME) + datetime.timedelta(days=days)
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


class EventPageFactory(ContentPageFactory):
    """An in-person event a fortnight away, 10am to 1pm UK time, with 20 places."""

    title = factory.Sequence(lambda n: f"Event {n}")
    starts_at = factory.LazyFunction(lambda: days_from_now(14))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=3))
    attendance_mode = "in-person"
    venue_name = "Town Hall"
    venue_address = "1 High Street\nAnytown\nAB1 2CD"
    region = "North West"
    accessibility = "Step-free access and a hearing loop."
    capacity = 20

    class Meta:
        model = EventPage


class TrainingCoursePageFactory(ContentPageFactory):
    title = factory.Sequence(lambda n: f"Training course {n}")

    class Meta:
        model = TrainingCoursePage


class EventSeriesPageFactory(ContentPageFactory):
    title = factory.Sequence(lambda n: f"Event series {n}")
    frequency = "Monthly"

    class Meta:
        model = EventSeriesPage


class FundingRoundPageFactory(ContentPageFactory):
    """A round open from yesterday for a month: discovery up to £100,000 and alpha up to
    £350,000, two signatory organisations at least, two leads each, two criteria."""

    title = factory.Sequence(lambda n: f"Local Digital Fund round {n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    minimum_organisations = 2
    maximum_leads = 2
    # Children given to the page itself, so they are in the revision that publishes it.
    phase_limits = factory.LazyFunction(
        lambda: [
            PhaseLimit(phase="discovery", maximum_amount=100_000),
            PhaseLimit(phase="alpha", maximum_amount=350_000),
        ]
    )
    criteria = factory.LazyFunction(
        lambda: [
            AssessmentCriterion(title="Shared problem", weight=60),
            AssessmentCriterion(title="Open outputs", weight=40),
        ]
    )

    class Meta:
        model = FundingRoundPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")

    class Meta:
        model = StandardPage


FACTORY_FOR_MODEL = {
    CaseStudyPage: CaseStudyPageFactory,
    ProcurementBriefPage: ProcurementBriefPageFactory,
    BusinessCasePage: BusinessCasePageFactory,
    ServicePatternPage: ServicePatternPageFactory,
    EventPage: EventPageFactory,
    TrainingCoursePage: TrainingCoursePageFactory,
    EventSeriesPage: EventSeriesPageFactory,
    FundingRoundPage: FundingRoundPageFactory,
}


class ProjectPageFactory(ContentPageFactory):
    """A project led by a new organisation, in discovery and on track, started in 2024."""

    title = factory.Sequence(lambda n: f"Declaration project {n}")
    lead_organisation = factory.SubFactory(OrganisationFactory)
    phase = "discovery"
    status = "on-track"

    class Meta:
        model = ProjectPage

    @factory.post_generation
    def organisations(obj, create, extracted, **kwargs):
        """organisations=[lead, *partners], as for any content page: the project keeps its
        BasePage organisations from its lead and partners."""
        if extracted:
            obj.lead_organisation = extracted[0]
            obj.partner_organisations.set(extracted[1:])

    @factory.post_generation
    def partner_organisations(obj, create, extracted, **kwargs):
        if extracted:
            obj.partner_organisations.set(extracted)

    @factory.post_generation
    def principles(obj, create, extracted, **kwargs):
        if extracted:
            obj.principles.set(extracted)

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):
        # Declared again so that it runs after the partners and principles are set.
        ContentPageFactory.publish.function(obj, create, extracted, **kwargs)


FACTORY_FOR_MODEL[ProjectPage] = ProjectPageFactory
