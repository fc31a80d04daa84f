"""The permission matrix: every community view and action, for every role, allowed and refused.

Outcomes: "ok" (200), "done" (a redirect that is not to sign-in: the action happened),
"login" (redirected to sign in), "refused" (403), "missing" (404).
"""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from community.contributions import services as contributions_services
from community.models import Comment, ModerationStatus, Opportunity
from tests.community.conftest import ROLES


def expect(default, **overrides):
    table = dict.fromkeys(ROLES, default)
    table.update(overrides)
    # An address on a shared host (any *.gov.uk for a body on www.gov.uk) proves nothing, so
    # that member may do exactly what an unverified one may, unless a case says otherwise.
    if "shared_domain" not in overrides:
        table["shared_domain"] = table["unverified"]
    return table


SIGNED_IN = expect("ok", anonymous="login")
MEMBERS_ONLY = expect(
    "refused", anonymous="login", unverified="ok", verified_same="ok", verified_other="ok"
)
VERIFIED_ONLY = expect("refused", anonymous="login", verified_same="ok", verified_other="ok")
VERIFIED_ACTION = expect("refused", anonymous="login", verified_same="done", verified_other="done")
PUBLIC = expect("ok")
STAFF_ONLY = expect("login", moderator="ok", editor="ok", admin="ok")


@pytest.fixture
def world(members, pattern, declaration_page, org_a):
    comment = Comment.objects.create(
        page=pattern,
        author=members["owner"].user,
        organisation=org_a,
        body="Worked for us.",
        status=ModerationStatus.APPROVED,
    )
    opportunity = Opportunity.objects.create(
        organisation=org_a,
        created_by=members["owner"].user,
        title="Shared waste booking",
        description="Let us buy it together.",
        share_ideas=True,
        closing_date=timezone.localdate() + datetime.timedelta(days=10),
    )
    contribution = contributions_services.contribution_submit(
        profile=members["owner"],
        contribution_type=contributions_services.contribution_type_by_slug("case-study"),
        data={
            "title": "Owner's draft",
            "summary": "Summary",
            "problem": "P",
            "approach": "A",
            "lessons_learned": "L",
        },
    )
    return {
        "pattern": pattern,
        "comment": comment,
        "opportunity": opportunity,
        "contribution": contribution,
        "declaration": declaration_page,
        "member": members["unverified"],
    }


CASES = [
    # (name, method, url(world), data, expectations)
    ("profile", "get", lambda w: reverse("community:profile"), None, SIGNED_IN),
    ("edit profile form", "get", lambda w: reverse("community:profile_edit"), None, MEMBERS_ONLY),
    # Empty: members get the form back with errors (200) and nothing changes for anyone.
    ("edit profile, empty", "post", lambda w: reverse("community:profile_edit"), {}, MEMBERS_ONLY),
    ("my contributions", "get", lambda w: reverse("community:contributions"), None, SIGNED_IN),
    ("download my data", "get", lambda w: reverse("community:data_download"), None, SIGNED_IN),
    (
        "delete account form",
        "get",
        lambda w: reverse("community:delete_account"),
        None,
        expect(
            "refused", anonymous="login", unverified="ok", verified_same="ok", verified_other="ok"
        ),
    ),
    ("following list", "get", lambda w: reverse("community:follows"), None, SIGNED_IN),
    (
        "follow form",
        "get",
        lambda w: reverse("community:follow") + "?kind=content_type&value=servicepatternpage",
        None,
        MEMBERS_ONLY,
    ),
    (
        "follow",
        "post",
        lambda w: reverse("community:follow"),
        {"kind": "content_type", "value": "servicepatternpage", "frequency": "daily"},
        expect(
            "refused",
            anonymous="login",
            unverified="done",
            verified_same="done",
            verified_other="done",
        ),
    ),
    ("contribute: choose", "get", lambda w: reverse("community:contribute"), None, VERIFIED_ONLY),
    (
        "contribute: form",
        "get",
        lambda w: reverse("community:contribute_type", args=["case-study"]),
        None,
        VERIFIED_ONLY,
    ),
    (
        "contribute: submit",
        "post",
        lambda w: reverse("community:contribute_type", args=["service-pattern"]),
        {
            "title": "T",
            "summary": "S",
            "user_needs": "U",
            "when_to_use": "W",
            "known_issues": "K",
            "licence_confirmed": "on",
        },
        VERIFIED_ACTION,
    ),
    (
        "contribution: edit someone else's",
        "get",
        lambda w: reverse("community:contribution_edit", args=[w["contribution"].pk]),
        None,
        expect("refused", anonymous="login", verified_same="missing", verified_other="missing"),
    ),
    (
        "contribution: confirmation page of someone else's",
        "get",
        lambda w: reverse("community:contribution_submitted", args=[w["contribution"].pk]),
        None,
        expect("refused", anonymous="login", verified_same="missing", verified_other="missing"),
    ),
    (
        "reuse form",
        "get",
        lambda w: reverse("community:reuse", args=[w["pattern"].pk]),
        None,
        VERIFIED_ONLY,
    ),
    (
        "we reused this",
        "post",
        lambda w: reverse("community:reuse", args=[w["pattern"].pk]),
        {"note": ""},
        VERIFIED_ACTION,
    ),
    (
        "remove reuse",
        "post",
        lambda w: reverse("community:reuse_remove", args=[w["pattern"].pk]),
        {},
        VERIFIED_ACTION,
    ),
    (
        "reuse on a draft",
        "post",
        lambda w: reverse("community:reuse", args=[w["contribution"].pk]),
        {},
        expect("refused", anonymous="login", verified_same="missing", verified_other="missing"),
    ),
    (
        "comment form",
        "get",
        lambda w: reverse("community:comment", args=[w["pattern"].pk]),
        None,
        VERIFIED_ONLY,
    ),
    (
        "comment",
        "post",
        lambda w: reverse("community:comment", args=[w["pattern"].pk]),
        {"body": "It worked."},
        VERIFIED_ACTION,
    ),
    (
        "report a comment",
        "post",
        lambda w: reverse("community:comment_report", args=[w["comment"].pk]),
        {"reason": "Spam"},
        expect("done", anonymous="login"),
    ),
    ("opportunities", "get", lambda w: reverse("community:opportunities"), None, PUBLIC),
    (
        "opportunity",
        "get",
        lambda w: reverse("community:opportunity_detail", args=[w["opportunity"].pk]),
        None,
        PUBLIC,
    ),
    (
        "post an opportunity form",
        "get",
        lambda w: reverse("community:opportunity_create"),
        None,
        VERIFIED_ONLY,
    ),
    (
        "express interest",
        "post",
        lambda w: reverse("community:opportunity_interest", args=[w["opportunity"].pk]),
        {"message": "Hi"},
        expect("refused", anonymous="login", verified_other="done"),
    ),
    (
        "close an opportunity",
        "post",
        lambda w: reverse("community:opportunity_close", args=[w["opportunity"].pk]),
        {},
        expect("refused", anonymous="login", verified_same="done"),
    ),
    ("feeds index", "get", lambda w: reverse("community:feeds"), None, PUBLIC),
    ("atom feed", "get", lambda w: reverse("community:feed_all", args=["atom"]), None, PUBLIC),
    ("declaration", "get", lambda w: w["declaration"].url, None, PUBLIC),
    ("sign the declaration form", "get", lambda w: w["declaration"].url + "sign/", None, PUBLIC),
    ("signatories", "get", lambda w: w["declaration"].url + "signatories/", None, PUBLIC),
    (
        "signed: what happens next",
        "get",
        lambda w: w["declaration"].url + w["declaration"].reverse_subpage("sign_done"),
        None,
        PUBLIC,
    ),
    ("content page with community panel", "get", lambda w: w["pattern"].url, None, PUBLIC),
    (
        "Wagtail admin",
        "get",
        lambda w: "/admin/",
        None,
        expect("login", moderator="ok", editor="ok", admin="ok"),
    ),
    (
        "admin: verify members",
        "get",
        lambda w: "/admin/snippets/community/memberprofile/",
        None,
        expect("login", moderator="ok", editor="refused", admin="ok"),
    ),
    (
        "admin: moderate comments",
        "get",
        lambda w: "/admin/snippets/community/comment/",
        None,
        expect("login", moderator="ok", editor="refused", admin="ok"),
    ),
    (
        "admin: review signatures",
        "get",
        lambda w: "/admin/snippets/community/signature/",
        None,
        expect("login", moderator="ok", editor="ok", admin="ok"),
    ),
    # Search: editors and moderators read what people search for and find nothing, and
    # promote the page they meant (search/migrations/0007_staff_search_permissions.py).
    (
        "admin: promoted search results",
        "get",
        lambda w: reverse("wagtailsearchpromotions:index"),
        None,
        STAFF_ONLY,
    ),
    (
        "admin: add a promoted search result",
        "get",
        lambda w: reverse("wagtailsearchpromotions:add"),
        None,
        STAFF_ONLY,
    ),
    (
        "admin: search terms and zero-result searches report",
        "get",
        lambda w: reverse("search_terms_report"),
        None,
        STAFF_ONLY,
    ),
    # Each report's filters fetch its results alone from a second URL (core.reports.report_urls),
    # which must refuse exactly whom the report itself refuses.
    (
        "admin: search terms report results",
        "get",
        lambda w: reverse("search_terms_report_results"),
        None,
        STAFF_ONLY,
    ),
    # Editors check content is still right (core migration 0004); moderators look after people.
    (
        "admin: content due for review report",
        "get",
        lambda w: reverse("content_due_for_review"),
        None,
        expect("login", moderator="refused", editor="ok", admin="ok"),
    ),
    (
        "admin: content due for review report results",
        "get",
        lambda w: reverse("content_due_for_review_results"),
        None,
        expect("login", moderator="refused", editor="ok", admin="ok"),
    ),
    # Moderators approve pages in the workflow, so they need to see where every page is in it.
    (
        "admin: workflow report",
        "get",
        lambda w: reverse("wagtailadmin_reports:workflow"),
        None,
        STAFF_ONLY,
    ),
    (
        "admin: inspect a member",
        "get",
        lambda w: reverse("wagtailsnippets_community_memberprofile:inspect", args=[w["member"].pk]),
        None,
        expect("login", moderator="ok", editor="refused", admin="ok"),
    ),
]


def outcome(response) -> str:
    if response.status_code == 200:
        return "ok"
    if response.status_code == 302:
        location = response["Location"]
        if "/login/" in location:
            return "login"
        # Wagtail sends staff without the permission back to the dashboard with a message.
        return "refused" if location.rstrip("/").endswith("/admin") else "done"
    return {403: "refused", 404: "missing", 409: "conflict"}.get(
        response.status_code, str(response.status_code)
    )


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(world, client_for, role):
    """One test per role walks every case in order (state-changing cases come last)."""
    client = client_for(role)
    wrong = []
    for name, method, url, data, expected in CASES:
        target = url(world)
        response = client.post(target, data or {}) if method == "post" else client.get(target)
        if outcome(response) != expected[role]:
            wrong.append(f"{name}: expected {expected[role]}, got {outcome(response)}")
    assert not wrong, f"as {role}:\n" + "\n".join(wrong)


def test_every_community_route_is_in_the_matrix():
    from community.urls import community_patterns

    covered = {
        "profile",
        "profile_edit",
        "contributions",
        "data_download",
        "delete_account",
        "follows",
        "follow",
        "contribute",
        "contribute_type",
        "contribution_edit",
        "contribution_submitted",
        "reuse",
        "reuse_remove",
        "comment",
        "comment_report",
        "opportunities",
        "opportunity_detail",
        "opportunity_create",
        "opportunity_interest",
        "opportunity_close",
        "feeds",
        "feed_all",
    }
    # unfollow and unsubscribe act on the caller's own follow or token (tests/community/test_follows.py);
    # per-kind feeds are in test_feeds.py.
    elsewhere = {"unfollow", "unsubscribe", "feed"}
    names = {pattern.name for pattern in community_patterns}
    assert names - covered - elsewhere == set()


OUR_PACKAGES = {
    "core",
    "organisations",
    "casestudies",
    "patterns",
    "search",
    "community",
    "home",
    "localdigital",
}


def test_every_admin_url_our_apps_add_is_in_the_matrix(world):
    """A report (its page and its results) or any other admin view one of our apps adds with
    register_admin_urls has a row above, so nobody can add one without saying who may see it."""
    from django.urls import resolve

    from wagtail import hooks

    added = {
        pattern.name
        for hook in hooks.get_hooks("register_admin_urls")
        if hook.__module__.split(".")[0] in OUR_PACKAGES
        for pattern in hook()
    }
    assert {"search_terms_report_results", "content_due_for_review_results"} <= added
    in_matrix = {resolve(url(world).split("?")[0]).url_name for _n, _m, url, _d, _e in CASES}
    assert added - in_matrix == set()


def test_every_declaration_route_is_in_the_matrix_or_tested_elsewhere():
    from community.declaration.urls import urlpatterns

    covered = {"declaration", "sign", "sign_done", "signatories"}
    # The approver's link needs a signature's token: tests/community/test_declaration.py.
    elsewhere = {"confirm"}
    assert {pattern.name for pattern in urlpatterns} - covered - elsewhere == set()
