"""Writes for the fund: start, change and submit an application, partners' confirmations,
assessments and decisions. Every rule comes from the round's own fields (funding.models)."""

from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from community import emails
from community.declaration.selectors import organisation_has_signed
from funding import selectors
from funding.models import (
    ApplicationPartner,
    ApplicationStatus,
    Assessment,
    BudgetLine,
    CriterionScore,
    FundingApplication,
    FundingRoundPage,
    LeadEligibility,
)
from organisations.models import OrganisationType
from projects import services as project_services


class ApplicationRefused(Exception):
    """What stops an application, in words to show the applicant."""

    def __init__(self, message: str, *, code: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field


def lead_check(*, round_page: FundingRoundPage, organisation, application=None) -> None:
    """Whether `organisation` may lead a(nother) bid in the round; raises why not."""
    if not round_page.is_open():
        now = timezone.now()
        verb, when = (
            ("opens", round_page.opens_at)
            if now < round_page.opens_at
            else ("closed", round_page.closes_at)
        )
        raise ApplicationRefused(
            f"{round_page.title} is not open for applications: it {verb} on "
            f"{date_format(timezone.localtime(when), 'j F Y')}.",
            code="closed",
        )
    if not organisation_has_signed(organisation):
        raise ApplicationRefused(
            f"Only organisations that have signed the Local Digital Declaration can apply. "
            f"{organisation.name} has not signed it yet.",
            code="not_signatory",
        )
    if (
        round_page.lead_eligibility == LeadEligibility.COUNCILS
        and organisation.organisation_type != OrganisationType.COUNCIL
    ):
        raise ApplicationRefused(
            f"In {round_page.title} only councils can lead an application. {organisation.name} "
            "can be a partner in one.",
            code="not_eligible",
        )
    led = selectors.leads_in_round(
        round_page=round_page, organisation=organisation, exclude=application
    )
    if led >= round_page.maximum_leads:
        raise ApplicationRefused(
            f"{organisation.name} already leads {led} application"
            f"{'' if led == 1 else 's'} in {round_page.title}, the most an organisation may "
            "lead. It can still be a partner in others.",
            code="too_many_leads",
        )


def application_start(*, round_page: FundingRoundPage, profile, project=None) -> FundingApplication:
    """A draft led by the member's organisation, for `project` (a Declaration project it
    leads) when given."""
    with transaction.atomic():
        lead_check(round_page=round_page, organisation=profile.organisation)
        if project is not None and project.lead_organisation_id != profile.organisation_id:
            raise ApplicationRefused(
                f"{profile.organisation.name} does not lead {project.title}, so it cannot "
                "apply for it.",
                code="not_lead",
            )
        return FundingApplication.objects.create(
            round=round_page,
            lead_organisation=profile.organisation,
            created_by=profile.user,
            project=project,
            project_title=project.title if project is not None else "Untitled project",
        )


@dataclass
class PartnerEntry:
    organisation: object
    contact_name: str
    contact_email: str


def application_save(
    *,
    application: FundingApplication,
    fields: dict,
    principles,
    partners: list[PartnerEntry],
    budget_lines: list[tuple[str, int]],
) -> int:
    """Save the draft as it stands (nothing is checked against the round's rules until it is
    submitted) and email each new partner contact a link to confirm. Returns how many were
    asked."""
    with transaction.atomic():
        for name, value in fields.items():
            setattr(application, name, value)
        application.save()
        application.principles.set(principles)
        kept = {}
        for entry in partners:
            partner, created = ApplicationPartner.objects.get_or_create(
                application=application,
                organisation=entry.organisation,
                defaults={"contact_name": entry.contact_name, "contact_email": entry.contact_email},
            )
            if not created and partner.contact_email.lower() != entry.contact_email.lower():
                # A new contact must confirm afresh; the old link stops working.
                partner.token = ApplicationPartner._meta.get_field("token").default()
                partner.confirmed_at = None
                partner.invited_at = None
            partner.contact_name = entry.contact_name
            partner.contact_email = entry.contact_email
            partner.save()
            kept[partner.pk] = partner
        application.partners.exclude(pk__in=kept).delete()
        application.budget_lines.all().delete()
        BudgetLine.objects.bulk_create(
            BudgetLine(application=application, description=description, amount=amount)
            for description, amount in budget_lines
        )
        asked = 0
        for partner in kept.values():
            if partner.invited_at is None:
                partner_invite(partner)
                asked += 1
        return asked


def partner_invite(partner: ApplicationPartner) -> None:
    application = partner.application
    emails.send(
        to=partner.contact_email,
        template="funding_partner_confirm",
        context={
            "partner": partner,
            "application": application,
            "round": application.round,
            "confirm_url": emails.absolute_url(
                reverse("funding:partner_confirm", args=[partner.token])
            ),
        },
    )
    partner.invited_at = timezone.now()
    partner.save(update_fields=["invited_at"])


def partner_confirm(partner: ApplicationPartner) -> None:
    if partner.confirmed_at is None:
        partner.confirmed_at = timezone.now()
        partner.save(update_fields=["confirmed_at"])


def submission_problems(application: FundingApplication) -> list[tuple[str, str]]:
    """(field, message) of every rule the application breaks, in the order of the form."""
    round_page = application.round
    problems = []
    try:
        lead_check(
            round_page=round_page,
            organisation=application.lead_organisation,
            application=application,
        )
    except ApplicationRefused as refusal:
        problems.append(("lead", refusal.message))
    if round_page.funded_projects_only:
        if application.project is None:
            problems.append(
                (
                    "project",
                    f"Select the Declaration project: {round_page.title} is for the next phase "
                    "of a project funded before",
                )
            )
        elif not selectors.has_been_funded(application.project, exclude=application):
            problems.append(
                (
                    "project",
                    f"{application.project.title} has not been funded before; "
                    f"{round_page.title} is only for funded projects' next phases",
                )
            )
    if (
        application.project is not None
        and application.project.lead_organisation_id != application.lead_organisation_id
    ):
        problems.append(
            ("project", f"{application.lead_organisation.name} does not lead that project")
        )
    if not application.project_title.strip() or application.project_title == "Untitled project":
        problems.append(("project_title", "Enter the project's name"))
    if not application.phase:
        problems.append(("phase", "Select the phase you are applying for"))
    else:
        maximum = round_page.maximum_for(application.phase)
        if maximum is None:
            problems.append(
                (
                    "phase",
                    f"{round_page.title} does not fund {application.get_phase_display().lower()}"
                    "; select one of the phases it funds",
                )
            )
        elif application.amount_requested and application.amount_requested > maximum:
            problems.append(
                (
                    "amount_requested",
                    f"The amount requested must be £{maximum:,} or less, the most "
                    f"{round_page.title} gives for {application.get_phase_display().lower()}",
                )
            )
    if not application.amount_requested:
        problems.append(("amount_requested", "Enter the amount you are asking for, in pounds"))
    for name, message in (
        ("problem", "Describe the problem the project solves"),
        ("users", "Describe who the users are"),
        ("plan", "Describe the plan"),
    ):
        if not getattr(application, name).strip():
            problems.append((name, message))
    if not application.principles.exists():
        problems.append(("principles", "Select the principles the project serves"))
    partners = list(application.partners.select_related("organisation"))
    organisations = 1 + len(partners)
    if organisations < round_page.minimum_organisations:
        needed = round_page.minimum_organisations - 1
        problems.append(
            (
                "partners",
                f"Add at least {needed} partner organisation{'' if needed == 1 else 's'}: "
                f"{round_page.title} needs {round_page.minimum_organisations} signatory "
                "organisations, the lead included",
            )
        )
    for partner in partners:
        if not organisation_has_signed(partner.organisation):
            problems.append(
                (
                    "partners",
                    f"{partner.organisation.name} has not signed the Local Digital Declaration; "
                    "every partner must be a signatory",
                )
            )
        elif partner.confirmed_at is None:
            problems.append(
                (
                    "partners",
                    f"{partner.contact_name} at {partner.organisation.name} has not confirmed "
                    "yet: we emailed them a link",
                )
            )
    lines = list(application.budget_lines.all())
    if not lines:
        problems.append(("budget", "Add the budget, line by line"))
    elif application.amount_requested and sum(line.amount for line in lines) != (
        application.amount_requested
    ):
        total = sum(line.amount for line in lines)
        problems.append(
            (
                "budget",
                f"The budget lines add up to £{total:,}; they must add up to the amount "
                f"requested, £{application.amount_requested:,}",
            )
        )
    return problems


def application_submit(application: FundingApplication) -> list[tuple[str, str]]:
    """Submit the draft, or return the problems that stop it (nothing changes then)."""
    with transaction.atomic():
        problems = submission_problems(application)
        if problems:
            return problems
        application.status = ApplicationStatus.SUBMITTED
        application.submitted_at = timezone.now()
        application.save(update_fields=["status", "submitted_at", "updated_at"])
        emails.send(
            to=application.created_by.email if application.created_by else "",
            template="funding_submitted",
            context={"application": application, "round": application.round},
        )
        return []


def application_withdraw(application: FundingApplication) -> None:
    application.status = ApplicationStatus.WITHDRAWN
    application.save(update_fields=["status", "updated_at"])


def assessment_record(
    *,
    application: FundingApplication,
    assessor,
    conflict_of_interest: bool,
    conflict_note: str,
    scores: dict,
) -> Assessment:
    """One assessor's assessment, replacing any earlier one of theirs. A declared conflict
    records no scores."""
    with transaction.atomic():
        assessment, _ = Assessment.objects.update_or_create(
            application=application,
            assessor=assessor,
            defaults={"conflict_of_interest": conflict_of_interest, "conflict_note": conflict_note},
        )
        assessment.scores.all().delete()
        if not conflict_of_interest:
            CriterionScore.objects.bulk_create(
                CriterionScore(assessment=assessment, criterion=criterion, score=score, reason=why)
                for criterion, (score, why) in scores.items()
            )
        return assessment


def decision_record(
    *, application: FundingApplication, funded: bool, amount: int | None, reason: str, user
) -> None:
    """Fund or decline, with reasons; the applicant and every partner contact are told."""
    with transaction.atomic():
        application.status = ApplicationStatus.FUNDED if funded else ApplicationStatus.NOT_FUNDED
        application.amount_awarded = amount if funded else None
        application.decision_reason = reason
        application.decided_at = timezone.now()
        application.decided_by = user
        application.save()
        project = application.project
        if funded and project is not None and not project.funding_source:
            # The projects listing's "funded" facet reads the project's funding source.
            project_services.live_fields_publish(
                project_id=project.pk, changes={"funding_source": application.round.title}
            )
        recipients = [application.created_by.email if application.created_by else ""]
        recipients += [partner.contact_email for partner in application.partners.all()]
        emails.send(
            to=recipients,
            template="funding_decision",
            context={
                "application": application,
                "round": application.round,
                "round_url": application.round.get_full_url(),
            },
        )
