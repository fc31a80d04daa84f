"""Issue 14's lesser findings: text stored as text, names that cannot spoof, the admin's
sign-out, page passwords, request bodies."""

from django.urls import reverse

import pytest

from community.engagement import services as engagement_services
from community.models import MemberProfile
from community.text import person_name, plain_text


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        # What a member typed as text stays that text: an escaped tag is not turned into one.
        ("&lt;img src=x onerror=alert(1)&gt;", "&lt;img src=x onerror=alert(1)&gt;"),
        ("Use &amp; in HTML", "Use &amp; in HTML"),
        # Markup typed or pasted is removed; the characters of ordinary text are kept.
        ("<b>Fish</b> & chips", "Fish & chips"),
        ("<img src=x onerror=alert(1)>Repairs", "Repairs"),
        ("a < b and c > d", "a < b and c > d"),
        ('She said "yes" and it\'s done', 'She said "yes" and it\'s done'),
    ],
)
def test_plain_text_keeps_what_was_typed_as_text(typed, stored):
    assert plain_text(typed) == stored


@pytest.mark.parametrize(
    "spoofed",
    [
        "Ali\u202eecnahC",  # right-to-left override: shows as "AliChance" reversed
        "Ali\u200bce",  # zero-width space
        "\u2066Alice\u2069",  # isolates
        "Al\u200fice",  # right-to-left mark
        "\ufeffAlice",  # byte order mark
        "Ali\u2060ce",  # word joiner
    ],
)
def test_names_lose_invisible_and_direction_changing_characters(spoofed):
    assert person_name(spoofed) in {"AliecnahC", "Alice"}


def test_a_profile_name_cannot_carry_a_right_to_left_override(client, members, org_a):
    owner = members["owner"]
    client.force_login(owner.user)
    client.post(
        reverse("community:profile_edit"),
        {"full_name": "Olu \u202eOwner", "job_title": "", "organisation": org_a.pk},
    )
    owner.refresh_from_db()
    assert owner.full_name == "Olu Owner"


def test_a_name_of_only_hidden_characters_is_no_name(client, members, org_a):
    owner = members["owner"]
    client.force_login(owner.user)
    response = client.post(
        reverse("community:profile_edit"),
        {"full_name": "\u200b\u202e", "job_title": "", "organisation": org_a.pk},
    )
    assert response.status_code == 200
    assert "Enter your full name" in response.content.decode()
    assert MemberProfile.objects.get(pk=owner.pk).full_name == owner.full_name


def test_a_cross_site_get_of_the_admin_sign_out_leaves_the_editor_signed_in(client, editor):
    client.force_login(editor)

    response = client.get("/admin/logout/")

    assert response.status_code == 405
    assert "sessionid" not in response.cookies  # neither replaced nor deleted
    assert client.get("/admin/").status_code == 200


def test_the_admin_sign_out_still_signs_out_with_a_post(client, editor):
    client.force_login(editor)

    response = client.post("/admin/logout/")

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 302  # to the sign-in page


def test_profile_edits_are_rate_limited(client, members, org_a, org_b, settings):
    """Each change of organisation emails every moderator: a loop must not flood them."""
    settings.COMMUNITY_RATE_LIMITS = {**settings.COMMUNITY_RATE_LIMITS, "profile_edit": (2, 3600)}
    client.force_login(members["owner"].user)
    url = reverse("community:profile_edit")
    statuses = [
        client.post(
            url, {"full_name": "Olu Owner", "job_title": "", "organisation": org.pk}
        ).status_code
        for org in (org_b, org_a, org_b)
    ]
    assert statuses == [302, 302, 429]
    assert client.get(url).status_code == 200  # reading the form is never limited


def test_page_passwords_cannot_be_guessed_without_a_limit(client, site_tree, settings):
    from wagtail.models import PageViewRestriction

    settings.COMMUNITY_RATE_LIMITS = {**settings.COMMUNITY_RATE_LIMITS, "page_password": (3, 3600)}
    page = site_tree["about"]
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="right-one"
    )
    url = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    guesses = [
        client.post(url, {"password": f"guess-{n}", "return_url": page.url}).status_code
        for n in range(4)
    ]
    assert guesses[:3] == [200, 200, 200]  # the form again, with its error
    assert guesses[3] == 429


def test_a_request_body_larger_than_any_form_takes_is_refused_before_it_is_read(
    client, members, settings
):
    settings.COMMUNITY_UPLOAD_MAX_BYTES = 1024
    client.force_login(members["owner"].user)
    too_large = settings.COMMUNITY_UPLOAD_MAX_BYTES + settings.REQUEST_BODY_MARGIN_BYTES + 1

    response = client.generic(
        "POST",
        reverse("community:contribute_type", args=["case-study"]),
        data=b"x" * too_large,
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 413
    assert "too large" in response.content.decode()


@pytest.mark.parametrize("proxies", [0, 1])
def test_limits_key_on_the_address_our_own_proxy_saw(rf, settings, proxies):
    """Behind a proxy every request comes from its address: with TRUSTED_PROXY_COUNT the
    limits read the client's from X-Forwarded-For; without it, a sent header is ignored."""
    from community.ratelimit import client_address

    settings.ALLAUTH_TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")

    assert client_address(request) == ("203.0.113.9" if proxies else "10.0.0.2")


def test_axes_locks_out_the_address_every_other_limit_sees(settings):
    from django.test import RequestFactory

    from axes.helpers import get_client_ip_address

    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9")

    assert get_client_ip_address(request) == "203.0.113.9"


def test_reports_by_unverified_accounts_never_hide_a_comment_but_moderators_hear_of_them(
    members, pattern, staff, django_user_model, mailoutbox, django_capture_on_commit_callbacks
):
    from community.models import Comment, ModerationStatus
    from tests.community.conftest import make_member

    comment = Comment.objects.create(
        page=pattern, author=members["owner"].user, body="Fine", status=ModerationStatus.APPROVED
    )
    throwaways = [
        make_member(
            django_user_model,
            username=f"sock{n}",
            organisation=members["owner"].organisation,
            verified=False,
        ).user
        for n in range(4)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        for account in [members["unverified"].user, *throwaways]:
            engagement_services.comment_report(comment=comment, user=account, reason="Hide it")

    comment.refresh_from_db()
    assert comment.status == ModerationStatus.APPROVED
    assert len([m for m in mailoutbox if "reported" in m.subject]) == 5


def test_three_reports_by_verified_members_hide_a_comment_and_say_so(
    members, pattern, staff, mailoutbox, django_capture_on_commit_callbacks
):
    from community.models import Comment, ModerationStatus

    comment = Comment.objects.create(
        page=pattern, author=members["owner"].user, body="Hmm", status=ModerationStatus.APPROVED
    )
    for name in ("verified_other", "verified_same", "unverified"):
        engagement_services.comment_report(
            comment=comment, user=members[name].user, reason="Off topic"
        )
    comment.refresh_from_db()
    assert comment.status == ModerationStatus.APPROVED  # two that count, one that does not

    with django_capture_on_commit_callbacks(execute=True):
        engagement_services.comment_report(
            comment=comment, user=staff["moderator"], reason="Agreed"
        )

    comment.refresh_from_db()
    assert comment.status == ModerationStatus.PENDING
    assert "hidden" in mailoutbox[-1].subject.lower()


@pytest.mark.parametrize("existing", [False, True])
def test_sign_up_hashes_the_password_once_whether_or_not_the_address_has_an_account(
    client, org_a, django_user_model, monkeypatch, existing
):
    """Hashing the password is most of a sign-up's time: skipping it for an address that
    already has an account told anyone timing the answer which addresses do."""
    from django.contrib.auth.hashers import MD5PasswordHasher

    if existing:
        django_user_model.objects.create_user("taken", "taken@council-a.gov.uk", "another-pass-1")
    hashed = []
    original = MD5PasswordHasher.encode
    monkeypatch.setattr(
        MD5PasswordHasher,
        "encode",
        lambda self, password, salt: hashed.append(password) or original(self, password, salt),
    )
    response = client.post(
        reverse("account_signup"),
        {
            "full_name": "Priya Shah",
            "email": "taken@council-a.gov.uk",
            "password1": "a-much-longer-password-1",
            "password2": "a-much-longer-password-1",
            "organisation": org_a.pk,
        },
    )

    assert response.status_code == 302
    assert hashed.count("a-much-longer-password-1") == 1
