"""A member edits their own profile; changing organisation always re-runs verification."""

from django.core import mail
from django.urls import reverse

import pytest
from allauth.account.models import EmailAddress

from community.models import MemberProfile, VerificationStatus


def edit(client, **data):
    return client.post(reverse("community:profile_edit"), data)


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    for response in (client.get("/members/profile/edit/"), client.post("/members/profile/edit/")):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_staff_without_a_member_profile_are_refused(client, staff):
    client.force_login(staff["editor"])
    assert client.get(reverse("community:profile_edit")).status_code == 403


def test_profile_page_links_to_the_edit_page(client, members):
    client.force_login(members["owner"].user)
    html = client.get(reverse("community:profile")).content.decode()
    assert 'href="/members/profile/edit/"' in html
    assert 'Change<span class="govuk-visually-hidden"> organisation</span>' in html


def test_profile_says_plainly_when_nothing_is_followed_and_counts_what_is(client, members):
    from community.models import Follow, FollowKind

    client.force_login(members["owner"].user)
    html = client.get(reverse("community:profile")).content.decode()
    assert "You do not follow anything yet." in html
    assert "You follow 0" not in html
    Follow.objects.create(user=members["owner"].user, kind=FollowKind.TAG, value="repairs")
    assert "You follow 1 topic." in client.get(reverse("community:profile")).content.decode()


def test_the_form_starts_with_the_members_own_details(client, members):
    members["owner"].job_title = "Product manager"
    members["owner"].save()
    client.force_login(members["owner"].user)
    html = client.get(reverse("community:profile_edit")).content.decode()
    assert 'value="Owner"' in html
    assert 'value="Product manager"' in html
    assert f'value="{members["owner"].organisation_id}" selected' in html
    assert "Same" not in html  # another member's name is nowhere on the page


def test_member_changes_name_and_job_title_and_keeps_verification(client, members, org_a):
    owner = members["owner"]
    client.force_login(owner.user)
    response = edit(
        client, full_name="Olu Owner", job_title="<b>Head</b> of digital", organisation=org_a.pk
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("community:profile")
    owner.refresh_from_db()
    assert owner.full_name == "Olu Owner"
    assert owner.job_title == "Head of digital"  # markup stripped: member text is plain text
    assert owner.is_verified
    owner.user.refresh_from_db()
    assert (owner.user.first_name, owner.user.last_name) == ("Olu", "Owner")
    html = client.get(reverse("community:profile")).content.decode()
    assert "Your profile has been updated." in html
    assert "Head of digital" in html


def test_a_member_can_only_ever_edit_their_own_profile(client, members, org_b):
    """There is no id in the URL; ids and statuses smuggled into the form are ignored."""
    same, other = members["verified_same"], members["unverified"]
    client.force_login(other.user)
    edit(
        client,
        full_name="Not Same",
        organisation=org_b.pk,
        user=same.user.pk,
        profile=same.pk,
        id=same.pk,
        verification_status=VerificationStatus.VERIFIED,
    )
    same.refresh_from_db()
    assert same.full_name == "Same"
    other.refresh_from_db()
    assert other.full_name == "Not Same"
    # The smuggled status did nothing: a move with no matching address waits for a moderator.
    assert other.verification_status == VerificationStatus.PENDING


def test_moving_organisation_drops_a_verification_for_the_old_one(
    client, domain_member, org_b, staff, django_capture_on_commit_callbacks
):
    client.force_login(domain_member.user)
    mail.outbox.clear()
    # Moderators are emailed once the change is committed.
    with django_capture_on_commit_callbacks(execute=True):
        response = edit(client, full_name="Dana", organisation=org_b.pk)
    assert response.status_code == 302
    domain_member.refresh_from_db()
    assert domain_member.organisation == org_b
    assert domain_member.verification_status == VerificationStatus.PENDING
    assert domain_member.verification_method == ""
    assert domain_member.verified_at is None
    assert any(staff["moderator"].email in message.to for message in mail.outbox)
    html = client.get(reverse("community:profile")).content.decode()
    assert "A moderator will check that you work for Council B" in html
    # Verified-only actions are refused at once.
    assert client.get(reverse("community:contribute")).status_code == 403


def test_moderator_verification_never_survives_a_move(client, members, org_b):
    owner = members["owner"]  # verified by a moderator, address not on either domain
    owner.verification_status = VerificationStatus.REFUSED
    owner.verification_note = "Not on the staff list"
    owner.save()
    client.force_login(owner.user)
    edit(client, full_name="Owner", organisation=org_b.pk)
    owner.refresh_from_db()
    assert owner.verification_status == VerificationStatus.PENDING
    assert owner.verification_note == ""


def test_moving_to_an_organisation_whose_domain_a_confirmed_address_is_on_verifies(
    client, domain_member, org_b
):
    EmailAddress.objects.create(
        user=domain_member.user, email="dana@council-b.gov.uk", verified=True, primary=False
    )
    client.force_login(domain_member.user)
    edit(client, full_name="Dana", organisation=org_b.pk)
    domain_member.refresh_from_db()
    assert domain_member.organisation == org_b
    assert domain_member.verification_status == VerificationStatus.VERIFIED
    assert domain_member.verification_method == "domain"
    assert domain_member.verified_at is not None


def test_an_unconfirmed_address_on_the_new_domain_does_not_verify(client, domain_member, org_b):
    EmailAddress.objects.create(
        user=domain_member.user, email="dana@council-b.gov.uk", verified=False, primary=False
    )
    client.force_login(domain_member.user)
    edit(client, full_name="Dana", organisation=org_b.pk)
    domain_member.refresh_from_db()
    assert domain_member.verification_status == VerificationStatus.PENDING


@pytest.mark.parametrize(
    ("data", "message", "kept"),
    [
        ({"full_name": "", "job_title": "Analyst"}, "Enter your full name", 'value="Analyst"'),
        ({"full_name": "<i></i>", "job_title": ""}, "Enter your full name", None),
        ({"full_name": "N" * 151}, "Full name must be 150 characters or fewer", "N" * 151),
        ({"job_title": "J" * 151}, "Job title must be 150 characters or fewer", "J" * 151),
        ({"organisation": ""}, "Select your organisation", None),
        ({"organisation": "999999"}, "Select your organisation from the list", None),
        ({"organisation": "not-a-number"}, "Select your organisation from the list", None),
        ({"full_name": "Nul\x00Name"}, "Null characters are not allowed", None),
    ],
)
def test_bad_input_shows_govuk_errors_keeps_input_and_changes_nothing(
    client, members, org_a, data, message, kept
):
    owner = members["owner"]
    client.force_login(owner.user)
    payload = {"full_name": "Kept Name", "job_title": "Kept title", "organisation": org_a.pk}
    payload.update(data)
    response = edit(client, **payload)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Change your profile" in html
    assert "There is a problem" in html
    assert message in html
    assert "govuk-form-group--error" in html
    if kept:
        assert kept in html
    if "organisation" not in data:
        assert f'value="{org_a.pk}" selected' in html
    saved = MemberProfile.objects.get(pk=owner.pk)
    assert (saved.full_name, saved.job_title, saved.organisation_id) == ("Owner", "", org_a.pk)
    assert saved.is_verified


def test_a_member_of_a_closed_organisation_can_still_change_their_name(
    client, members, org_a, org_b
):
    org_a.is_current = False
    org_a.save()
    owner = members["owner"]
    client.force_login(owner.user)
    html = client.get(reverse("community:profile_edit")).content.decode()
    assert f'value="{org_a.pk}" selected' in html
    response = edit(client, full_name="Renamed Owner", organisation=org_a.pk)
    assert response.status_code == 302
    owner.refresh_from_db()
    assert (owner.full_name, owner.organisation_id, owner.is_verified) == (
        "Renamed Owner",
        org_a.pk,
        True,
    )
    # Nobody else can choose the closed organisation.
    other = members["verified_other"]
    client.force_login(other.user)
    html = edit(client, full_name="Other", organisation=org_a.pk).content.decode()
    assert "Select your organisation from the list" in html
    other.refresh_from_db()
    assert other.organisation_id == org_b.pk
