"""Nobody can hold an organisation's place in the Declaration or approve their own
application: addresses off its email domains are flagged to staff, applicant and approver are
different mailboxes, unconfirmed applications expire, and an application in progress never
stops a genuine one."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from community.declaration import services as declaration_services
from community.models import Signature, SignatureStatus
from tests import factories
from tests.community.test_declaration import APPLICATION, apply

SQUATTER = {
    "lead_email": "me@squatter-mail.co.uk",
    "approver_email": "also-me@squatter-mail.co.uk",
}


def test_an_application_in_progress_does_not_stop_a_genuine_one(client, declaration_page, org_a):
    assert apply(client, declaration_page, org_a, **SQUATTER).status_code == 302
    response = apply(client, declaration_page, org_a)
    assert response.status_code == 302
    assert Signature.objects.filter(organisation=org_a).count() == 2


def test_an_organisation_that_has_signed_cannot_apply_again(client, declaration_page, org_a):
    factories.SignatureFactory(organisation=org_a)
    response = apply(client, declaration_page, org_a)
    assert response.status_code == 200
    assert "Council A has already signed the Declaration" in response.content.decode()
    assert Signature.objects.count() == 1


def test_addresses_on_the_organisations_domains_are_not_flagged(client, declaration_page, org_a):
    apply(client, declaration_page, org_a)
    signature = Signature.objects.get()
    assert signature.addresses_match is True
    assert signature.addresses_note == ""


@pytest.mark.parametrize(
    "changes",
    [
        SQUATTER,
        {"approver_email": "boss@squatter-mail.co.uk"},
        {"lead_email": "lead@council-b.gov.uk"},
    ],
)
def test_addresses_off_the_organisations_domains_are_flagged_to_staff(
    client, declaration_page, org_a, staff, changes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        apply(client, declaration_page, org_a, **changes)
    signature = Signature.objects.get()
    assert signature.addresses_match is False
    assert "do not match Council A's email domains" in signature.addresses_note
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert declaration_services.signature_approver_confirm(signature=signature)
    signature.refresh_from_db()
    # The approver's click alone never completes it: staff review, and are told why.
    assert signature.status == SignatureStatus.AWAITING_REVIEW
    to_staff = [m for m in mail.outbox if staff["editor"].email in m.to]
    assert to_staff
    assert "do not match Council A's email domains" in to_staff[0].body


def test_an_organisation_with_no_email_domains_is_always_flagged(client, declaration_page):
    organisation = factories.OrganisationFactory(
        name="Department", website="https://www.gov.uk/government/organisations/department"
    )
    apply(
        client,
        declaration_page,
        organisation,
        lead_email="lead@department.gov.uk",
        approver_email="perm.sec@department.gov.uk",
    )
    assert Signature.objects.get().addresses_match is False


def test_staff_cannot_approve_a_flagged_application_without_saying_how_they_checked(
    client, declaration_page, org_a, staff
):
    apply(client, declaration_page, org_a, **SQUATTER)
    signature = Signature.objects.get()
    declaration_services.signature_approver_confirm(signature=signature)
    client.force_login(staff["editor"])
    url = f"/admin/snippets/community/signature/edit/{signature.pk}/"
    response = client.post(url, {"status": "approved", "review_note": ""})
    assert response.status_code == 200
    assert "Say how you checked" in response.content.decode()
    assert Signature.objects.get().status == SignatureStatus.AWAITING_REVIEW
    response = client.post(
        url, {"status": "approved", "review_note": "Phoned the council's chief executive"}
    )
    assert response.status_code == 302
    assert Signature.objects.get().status == SignatureStatus.APPROVED


@pytest.mark.parametrize(
    "approver_email",
    [
        "dana.lead@council-a.gov.uk",
        "DANA.LEAD@council-a.gov.uk",
        "dana.lead+approver@council-a.gov.uk",
    ],
)
def test_the_approver_must_be_a_different_address_from_the_applicant(
    client, declaration_page, org_a, approver_email
):
    response = apply(client, declaration_page, org_a, approver_email=approver_email)
    assert response.status_code == 200
    assert "must be a different person" in response.content.decode()
    assert not Signature.objects.exists()


def test_the_service_refuses_self_approval_whatever_calls_it(org_a):
    signatory = {
        key: APPLICATION[key]
        for key in (
            "lead_name",
            "lead_role",
            "lead_email",
            "approver_name",
            "approver_role",
        )
    }
    signatory["approver_email"] = "Dana.Lead+boss@council-a.gov.uk"
    with pytest.raises(declaration_services.SelfApproval):
        declaration_services.signature_apply(
            organisation=org_a,
            signatory=signatory,
            commitment={"title": "T", "mission": "M", "impact": "I"},
        )
    assert not Signature.objects.exists()


def _aged(signature, days):
    Signature.objects.filter(pk=signature.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_unconfirmed_applications_expire_after_14_days(client, declaration_page, org_a):
    old = factories.SignatureFactory(organisation=org_a, status=SignatureStatus.AWAITING_APPROVER)
    recent = factories.SignatureFactory(
        organisation=org_a, status=SignatureStatus.AWAITING_APPROVER
    )
    confirmed = factories.SignatureFactory(
        organisation=org_a, status=SignatureStatus.AWAITING_REVIEW
    )
    _aged(old, 15)
    _aged(recent, 13)
    _aged(confirmed, 30)
    call_command("expire_declaration_applications", verbosity=0)
    statuses = dict(Signature.objects.values_list("pk", "status"))
    assert statuses[old.pk] == SignatureStatus.EXPIRED
    assert statuses[recent.pk] == SignatureStatus.AWAITING_APPROVER
    assert statuses[confirmed.pk] == SignatureStatus.AWAITING_REVIEW


def test_an_expired_link_cannot_confirm_even_before_the_cron_job_runs(
    client, declaration_page, org_a
):
    signature = factories.SignatureFactory(
        organisation=org_a, status=SignatureStatus.AWAITING_APPROVER
    )
    _aged(signature, 15)
    link = declaration_page.url + f"confirm/{signature.approver_token}/"
    html = client.get(link).content.decode()
    assert "This link has expired" in html
    assert "I confirm" not in html
    client.post(link)
    signature.refresh_from_db()
    assert signature.status != SignatureStatus.AWAITING_REVIEW
    assert signature.approver_confirmed_at is None


def test_staff_see_every_application_for_an_organisation(client, declaration_page, org_a, staff):
    apply(client, declaration_page, org_a, **SQUATTER)
    apply(client, declaration_page, org_a)
    squatted, genuine = Signature.objects.order_by("pk")
    client.force_login(staff["editor"])
    listing = client.get("/admin/snippets/community/signature/").content.decode()
    assert listing.count("Council A") >= 2
    assert "Addresses do not match" in listing
    edit = client.get(f"/admin/snippets/community/signature/edit/{genuine.pk}/").content.decode()
    assert "Other applications for Council A" in edit
    assert f"/admin/snippets/community/signature/edit/{squatted.pk}/" in edit
    assert "me@squatter-mail.co.uk" in edit


def test_a_second_signature_cannot_be_approved_for_the_same_organisation(
    client, declaration_page, org_a, staff
):
    factories.SignatureFactory(organisation=org_a)
    second = factories.SignatureFactory(organisation=org_a, status=SignatureStatus.AWAITING_REVIEW)
    client.force_login(staff["editor"])
    response = client.post(
        f"/admin/snippets/community/signature/edit/{second.pk}/",
        {"status": "approved", "review_note": "Checked"},
    )
    assert response.status_code == 200
    assert "has already signed" in response.content.decode()
    assert Signature.objects.filter(status=SignatureStatus.APPROVED).count() == 1
