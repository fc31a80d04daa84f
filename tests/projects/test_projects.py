"""Declaration projects: the registry's channels, updates and their moderation, followers,
freshness and reminders, drafts from commitments, the admin report and the permissions."""

import datetime
import json
import re

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from community.declaration import services as declaration_services
from community.models import Commitment, Follow, FollowKind, ModerationStatus, SignatureStatus
from projects import services
from projects.models import ProjectPage, ProjectReminder, ProjectUpdate
from search.models import SearchDocument
from tests import factories
from tests.community.conftest import ROLES
from tests.community.test_permissions import outcome

pytestmark = pytest.mark.django_db


def post_update(project, profile, **fields):
    return services.update_create(
        project=project,
        profile=profile,
        happened_on=fields.pop("happened_on", timezone.localdate()),
        what_happened=fields.pop("what_happened", "Ran an alpha with three councils."),
        **fields,
    )


def approve(update):
    previous = update.status
    update.status = ModerationStatus.APPROVED
    update.save()
    services.update_moderated(update=update, previous_status=previous)


# --- Registry channels ---------------------------------------------------------------------


def test_draft_project_never_appears_in_search_listing_api_or_feeds(client, make_page, org_a):
    draft = make_page(
        ProjectPage, title="Secret shared bins", lead_organisation=org_a, publish=False
    )

    assert not SearchDocument.objects.filter(page_id=draft.pk).exists()
    assert "Secret shared bins" not in client.get("/projects/").content.decode()
    assert "Secret shared bins" not in client.get("/projects/?format=csv").content.decode()
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    assert "Secret shared bins" not in client.get("/search/?q=secret").content.decode()
    assert "Secret shared bins" not in client.get("/feeds/rss/").content.decode()
    assert "Secret shared bins" not in client.get("/sitemap.xml").content.decode()


def test_private_project_never_appears_and_takes_no_updates(client, client_for, project):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=project, restriction_type=PageViewRestriction.LOGIN)
    assert not SearchDocument.objects.filter(page_id=project.pk).exists()
    assert "Shared bin booking" not in client.get("/projects/").content.decode()
    assert "Shared bin booking" not in client.get("/projects/?format=json").content.decode()
    assert client.get(f"/api/v2/pages/{project.pk}/").status_code == 404
    update_url = reverse("projects:update_create", args=[project.pk])
    assert client_for("owner").get(update_url).status_code == 404


def test_published_project_is_searched_listed_and_in_the_api(client, project):
    found = re.sub(r"</?mark>", "", client.get("/search/?q=shared+bin").content.decode())
    assert "Shared bin booking" in found
    assert "Shared bin booking" in client.get("/projects/").content.decode()
    data = client.get(f"/api/v2/pages/{project.pk}/").json()
    assert data["project_phase"] == "discovery"
    assert data["lead_organisation"]["slug"] == "council-a"
    assert "Shared bin booking" in client.get("/sitemap.xml").content.decode() or (
        project.url in client.get("/sitemap.xml").content.decode()
    )


def test_api_outputs_leave_out_draft_library_pages(client, make_page, org_a):
    from casestudies.models import CaseStudyPage

    shown = make_page(CaseStudyPage, title="Published case study")
    hidden = make_page(CaseStudyPage, title="Draft case study", publish=False)
    project = make_page(
        ProjectPage, title="Produces things", lead_organisation=org_a, publish=False
    )
    project.outputs.create(page=shown)
    project.outputs.create(page=hidden)
    project.save_revision().publish()

    outputs = client.get(f"/api/v2/pages/{project.pk}/").json()["outputs"]
    assert [item["title"] for item in outputs] == ["Published case study"]
    html = client.get(project.url).content.decode()
    assert "Published case study" in html
    assert "Draft case study" not in html


# --- Listing facets and downloads ----------------------------------------------------------


@pytest.fixture
def listed(make_page, org_a, org_b):
    wales = factories.OrganisationFactory(nation="Wales", region="Wales")
    return {
        "funded_beta": make_page(
            ProjectPage,
            title="Funded beta",
            lead_organisation=org_a,
            partner_organisations=[wales],
            phase="beta",
            status="at-risk",
            funding_source="Local Digital Fund",
            date=datetime.date(2025, 3, 1),
        ),
        "welsh_alpha": make_page(
            ProjectPage,
            title="Welsh alpha",
            lead_organisation=wales,
            phase="alpha",
            date=datetime.date(2024, 6, 1),
        ),
    }


def titles(response) -> set[str]:
    html = response.content.decode()
    return {title for title in ("Funded beta", "Welsh alpha") if title in html}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("phase=beta", {"Funded beta"}),
        ("status=at-risk", {"Funded beta"}),
        ("funded=yes", {"Funded beta"}),
        ("funded=no", {"Welsh alpha"}),
        ("year=2024", {"Welsh alpha"}),
        # The lead's place, not a partner's: the funded beta has a Welsh partner.
        ("nation=Wales", {"Welsh alpha"}),
        ("region=London", {"Funded beta"}),
        ("phase=beta&phase=alpha", {"Funded beta", "Welsh alpha"}),
    ],
)
def test_listing_facets_and_their_downloads_agree(client, listed, query, expected):
    assert titles(client.get(f"/projects/?{query}")) == expected
    assert titles(client.get(f"/projects/?{query}&format=csv")) == expected
    rows = json.loads(client.get(f"/projects/?{query}&format=json").content)
    rows = rows["results"] if isinstance(rows, dict) else rows
    assert {row["title"] for row in rows} == expected


def test_principle_facet(client, make_page, org_a):
    from core.models import Principle

    principle = Principle.objects.order_by("number").first()
    make_page(ProjectPage, title="Funded beta", lead_organisation=org_a, principles=[principle])
    make_page(ProjectPage, title="Welsh alpha", lead_organisation=org_a)
    assert titles(client.get(f"/projects/?principle={principle.number}")) == {"Funded beta"}


def test_organisation_page_lists_projects_it_leads_or_partners(client, make_page, org_a, org_b):
    make_page(
        ProjectPage, title="Funded beta", lead_organisation=org_a, partner_organisations=[org_b]
    )
    html = client.get(org_b.get_absolute_url()).content.decode()
    assert "Funded beta" in html


# --- Updates and moderation ----------------------------------------------------------------


def test_update_journey_pending_then_approved_applies_phase_and_tells_followers(
    client_for, project, members, staff, django_capture_on_commit_callbacks
):
    follower = members["verified_other"].user
    Follow.objects.create(
        user=follower, kind=FollowKind.ORGANISATION, value="council-a", frequency="immediate"
    )
    owner = client_for("owner")
    with django_capture_on_commit_callbacks(execute=True):
        response = owner.post(
            reverse("projects:update_create", args=[project.pk]),
            {
                "happened_on": timezone.localdate().strftime("%d %m %Y"),
                "what_happened": "Finished the alpha.",
                "what_next": "A private beta in two wards.",
                "new_phase": "beta",
            },
        )
    assert response.status_code == 302
    update = ProjectUpdate.objects.get()
    assert update.status == ModerationStatus.PENDING
    assert [m.subject for m in mail.outbox] == ["An update on a project is waiting for moderation"]
    assert "Finished the alpha." not in client_for("anonymous").get(project.url).content.decode()

    mail.outbox.clear()
    moderator = client_for("moderator")
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator.post(
            reverse("wagtailsnippets_projects_projectupdate:edit", args=[update.pk]),
            {"status": "approved"},
        )
    assert response.status_code == 302, response.content.decode()[:500]
    project.refresh_from_db()
    assert project.phase == "beta"
    html = client_for("anonymous").get(project.url).content.decode()
    assert "Finished the alpha." in html
    assert "A private beta in two wards." in html
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([follower.email], "Update: Shared bin booking")
    ]
    assert SearchDocument.objects.get(page_id=project.pk).status_label.startswith("Beta")


def test_rejected_update_changes_nothing(project, members):
    update = post_update(project, members["owner"], new_status="paused")
    update.status = ModerationStatus.REJECTED
    update.save()
    services.update_moderated(update=update, previous_status=ModerationStatus.PENDING)
    project.refresh_from_db()
    assert project.status == "on-track"


def test_daily_followers_get_the_project_in_their_digest(project, members):
    follow = Follow.objects.create(
        user=members["verified_other"].user, kind=FollowKind.ORGANISATION, value="council-a"
    )
    approve(post_update(project, members["owner"]))
    assert follow.pending_items.filter(page_id=project.pk).exists()


def test_published_updates_show_in_date_order(client, project, members):
    approve(
        post_update(
            project,
            members["owner"],
            what_happened="Second thing",
            happened_on=datetime.date(2026, 5, 2),
        )
    )
    approve(
        post_update(
            project,
            members["owner"],
            what_happened="First thing",
            happened_on=datetime.date(2026, 1, 2),
        )
    )
    html = client.get(project.url).content.decode()
    assert html.index("First thing") < html.index("Second thing")


def test_partner_members_may_post_updates(make_page, org_a, org_b, members):
    project = make_page(
        ProjectPage, title="Joint", lead_organisation=org_a, partner_organisations=[org_b]
    )
    assert post_update(project, members["verified_other"]).status == ModerationStatus.PENDING


def test_bad_date_gets_a_govuk_error(client_for, project):
    response = client_for("owner").post(
        reverse("projects:update_create", args=[project.pk]),
        {"happened_on": "31 2 2026", "what_happened": ""},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The date of the update must be a real date" in html
    assert "Enter what happened" in html


# --- Permission matrix ---------------------------------------------------------------------

UPDATE_GET = {
    "anonymous": "login",
    "unverified": "refused",
    "shared_domain": "refused",
    "verified_same": "ok",
    "verified_other": "refused",
    "moderator": "refused",
    "editor": "refused",
    "admin": "refused",
}
# Members have no admin access: Wagtail sends them to its sign-in.
STAFF_MODERATE = {
    "anonymous": "login",
    "unverified": "login",
    "shared_domain": "login",
    "verified_same": "login",
    "verified_other": "login",
    "moderator": "ok",
    "editor": "refused",
    "admin": "ok",
}
REPORT = {**STAFF_MODERATE, "editor": "ok"}


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client_for, project, members, role):
    update = post_update(project, members["owner"])
    client = client_for(role)
    cases = [
        ("post an update", reverse("projects:update_create", args=[project.pk]), UPDATE_GET),
        (
            "moderate an update",
            reverse("wagtailsnippets_projects_projectupdate:edit", args=[update.pk]),
            STAFF_MODERATE,
        ),
        ("report", reverse("signed_without_project"), REPORT),
    ]
    wrong = []
    for name, url, expected in cases:
        got = outcome(client.get(url))
        if got != expected[role]:
            wrong.append(f"GET {name}: expected {expected[role]}, got {got}")
    # Posting is refused exactly as asking for the form is; an empty post re-shows the form.
    update_url = reverse("projects:update_create", args=[project.pk])
    got = outcome(client.post(update_url, {}))
    if got != UPDATE_GET[role]:
        wrong.append(f"POST post an update: expected {UPDATE_GET[role]}, got {got}")
    assert not wrong, f"as {role}:\n" + "\n".join(wrong)


def test_refused_member_is_told_why_and_gets_no_form(client_for, project):
    response = client_for("verified_other").get(
        reverse("projects:update_create", args=[project.pk])
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "Council B is not one of them" in html
    assert "<form" not in html.split("<main", 1)[-1]


def test_draft_project_takes_no_updates(client_for, make_page, org_a):
    draft = make_page(ProjectPage, title="Draft", lead_organisation=org_a, publish=False)
    assert (
        client_for("owner").get(reverse("projects:update_create", args=[draft.pk])).status_code
        == 404
    )


def test_every_projects_route_is_in_the_matrix():
    from projects.urls import urlpatterns

    assert {pattern.name for pattern in urlpatterns} == {"update_create"}


# --- Freshness and reminders ---------------------------------------------------------------


def test_quiet_project_is_marked_and_its_owners_reminded_once(
    client, project, members, django_capture_on_commit_callbacks
):
    later = timezone.localdate() + datetime.timedelta(days=120)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.project_reminders_send(today=later) == 1
        assert services.project_reminders_send(today=later) == 0
    owners = {m.to[0] for m in mail.outbox if m.subject.startswith("Time for an update")}
    assert members["owner"].user.email in owners
    assert members["verified_other"].user.email not in owners
    assert members["unverified"].user.email not in owners
    assert ProjectReminder.objects.count() == 1

    # A new update starts a new spell: reminded again once that one goes quiet.
    approve(post_update(project, members["owner"], happened_on=later))
    assert services.project_reminders_send(today=later + datetime.timedelta(days=100)) == 1


def test_no_update_since_shows_on_page_and_in_listing(client, project):
    ProjectPage.objects.filter(pk=project.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=200)
    )
    call_command("send_project_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (
        "No update since" in client.get(ProjectPage.objects.get(pk=project.pk).url).content.decode()
    )
    assert "No update since" in client.get("/projects/").content.decode()


# --- Commitments become projects, and the report --------------------------------------------


def commitment_for(signature):
    return Commitment.objects.create(
        signature=signature,
        organisation=signature.organisation,
        title="Open housing repairs",
        mission="Repairs anyone can report & track.",
        impact="Fewer calls.",
    )


def test_approving_a_signature_drafts_a_project_of_its_commitment(site_tree, org_a):
    signature = factories.SignatureFactory(
        organisation=org_a, status=SignatureStatus.AWAITING_REVIEW
    )
    commitment = commitment_for(signature)
    signature.status = SignatureStatus.APPROVED
    signature.save()
    declaration_services.signature_reviewed(
        signature=signature, previous_status=SignatureStatus.AWAITING_REVIEW
    )
    project = ProjectPage.objects.get(commitment=commitment)
    assert not project.live
    assert project.lead_organisation == org_a
    assert "Repairs anyone can report &amp; track." in str(project.body)
    # Once only.
    assert services.project_from_commitment(commitment=commitment) is None


def test_command_makes_projects_of_existing_published_commitments(site_tree, org_a):
    signature = factories.SignatureFactory(organisation=org_a)
    commitment = commitment_for(signature)
    Commitment.objects.filter(pk=commitment.pk).update(is_published=True)
    call_command("projects_from_commitments", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("projects_from_commitments", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert ProjectPage.objects.filter(commitment=commitment).count() == 1


def test_report_lists_year_old_signatories_with_no_live_project(
    client_for, make_page, org_a, org_b
):
    old = timezone.now() - datetime.timedelta(days=400)
    factories.SignatureFactory(organisation=org_a, signed_at=old)
    factories.SignatureFactory(organisation=org_b, signed_at=old)
    make_page(ProjectPage, title="B's project", lead_organisation=org_b)
    html = client_for("moderator").get(reverse("signed_without_project")).content.decode()
    assert "Council A" in html
    assert "Council B" not in html


def test_demo_projects_cover_every_phase_with_updates(site_tree):
    from projects.demo import projects_demo_load
    from projects.models import ProjectPhase

    for code in ("HCK", "LBH", "SKP", "MAN", "DUR", "NYE", "KEN", "BNE", "WRL"):
        factories.OrganisationFactory(code=code, slug=code.lower(), name=f"Council {code}")
    assert projects_demo_load()["projects_created"] == 5
    assert projects_demo_load()["projects_created"] == 0  # idempotent
    live = ProjectPage.objects.live()
    assert {project.phase for project in live} == set(ProjectPhase.values)
    assert all(project.updates.filter(status=ModerationStatus.APPROVED) for project in live)


def test_signatories_page_shows_projects_and_their_latest_update(
    client, declaration_page, make_page, org_a, members
):
    factories.SignatureFactory(organisation=org_a)
    project = make_page(ProjectPage, title="Open repairs", lead_organisation=org_a)
    approve(
        post_update(
            project,
            members["owner"],
            what_happened="Older news",
            happened_on=datetime.date(2026, 1, 1),
        )
    )
    approve(
        post_update(
            project,
            members["owner"],
            what_happened="Latest news",
            happened_on=datetime.date(2026, 2, 1),
        )
    )
    make_page(ProjectPage, title="Draft repairs", lead_organisation=org_a, publish=False)

    html = client.get(declaration_page.url + "signatories/").content.decode()
    assert "Open repairs" in html
    assert "Latest news" in html
    assert "Older news" not in html
    assert "Draft repairs" not in html


def test_moderators_dashboard_counts_pending_updates_and_links_to_them(
    client, project, members, staff
):
    pending = post_update(project, members["owner"], what_happened="Waiting one")
    approve(post_update(project, members["owner"], what_happened="Done one"))
    client.force_login(staff["moderator"])

    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Project updates waiting for moderation: 1" in html
    link = "/admin/snippets/projects/projectupdate/?status=pending"
    assert f'href="{link}"' in html
    listed = client.get(link).content.decode()
    assert f"/projectupdate/edit/{pending.pk}/" in listed
    assert "Done one" not in listed


def test_members_follow_one_project_and_hear_of_its_updates(
    client_for, project, members, django_capture_on_commit_callbacks
):
    reader = client_for("verified_other")
    html = reader.get(project.url).content.decode()
    assert f"kind=page&amp;value={project.pk}" in html
    response = reader.post(
        reverse("community:follow"),
        {"kind": "page", "value": str(project.pk), "frequency": "immediate"},
    )
    assert response.status_code == 302
    assert Follow.objects.filter(kind=FollowKind.PAGE, value=str(project.pk)).exists()
    update = post_update(project, members["owner"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        approve(update)
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([members["verified_other"].user.email], "Update: Shared bin booking")
    ]


def test_only_followable_live_pages_may_be_followed(client_for, pattern, make_page, org_a):
    draft = make_page(ProjectPage, title="Draft", lead_organisation=org_a, publish=False)
    reader = client_for("verified_other")
    for value in (str(pattern.pk), str(draft.pk), "nope"):
        response = reader.get(reverse("community:follow"), {"kind": "page", "value": value})
        assert response.status_code == 404, value


def test_updates_are_rate_limited(client_for, project, settings):
    settings.COMMUNITY_RATE_LIMITS = {**settings.COMMUNITY_RATE_LIMITS, "project_update": (2, 3600)}
    client = client_for("owner")
    url = reverse("projects:update_create", args=[project.pk])
    today = timezone.localdate().strftime("%d %m %Y")
    statuses = [
        client.post(url, {"happened_on": today, "what_happened": f"News {n}"}).status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert ProjectUpdate.objects.count() == 2
    assert client.get(url).status_code == 200


def test_organisation_page_has_a_section_of_its_projects_with_their_role(
    client, make_page, org_a, org_b, members
):
    led = make_page(ProjectPage, title="Led by B", lead_organisation=org_b)
    make_page(
        ProjectPage, title="B partners", lead_organisation=org_a, partner_organisations=[org_b]
    )
    make_page(ProjectPage, title="B drafts", lead_organisation=org_b, publish=False)
    approve(post_update(led, members["verified_other"], what_happened="Went live"))

    html = client.get(org_b.get_absolute_url()).content.decode()
    section = html.split("Declaration projects</h2>", 1)[1].split("</ul>", 1)[0]
    assert "Led by B" in section
    assert "(Lead;" in section
    assert "B partners" in section
    assert "(Partner;" in section
    assert "Went live" in section
    assert "B drafts" not in html
