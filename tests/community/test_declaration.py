"""Signing the Declaration: application, approver confirmation, staff review, signatories."""

import re

from django.core import mail

import pytest

from community.models import Commitment, Signature, SignatureStatus
from core.models import Principle
from tests import factories

APPLICATION = {
    "lead_name": "Dana Lead",
    "lead_role": "Head of Digital",
    "lead_email": "dana.lead@council-a.gov.uk",
    "approver_name": "Chris Chief",
    "approver_role": "Chief Executive",
    "approver_email": "chris.chief@council-a.gov.uk",
    "commitment_title": "Open our repairs pattern",
    "commitment_partners": "Council B",
    "commitment_mission": "Publish the pattern.",
    "commitment_impact": "Others reuse it.",
}


def apply(client, page, org, **changes):
    return client.post(page.url + "sign/", {**APPLICATION, "organisation": org.pk, **changes})


def test_the_whole_journey(
    client, declaration_page, org_a, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the emails go after the commit
        response = apply(client, declaration_page, org_a)
    assert response.status_code == 302
    signature = Signature.objects.get()
    assert signature.status == SignatureStatus.AWAITING_APPROVER
    approver_email = next(m for m in mail.outbox if m.to == [APPLICATION["approver_email"]])
    link = re.search(r"https?://[^/\s]+(/\S+/confirm/\S+/)", approver_email.body).group(1)
    # Not public yet.
    assert "Council A" not in client.get(declaration_page.url + "signatories/").content.decode()
    # A GET only shows the button, so link scanners cannot confirm.
    client.get(link)
    assert Signature.objects.get().status == SignatureStatus.AWAITING_APPROVER
    client.post(link)
    assert Signature.objects.get().status == SignatureStatus.AWAITING_REVIEW
    assert "Council A" not in client.get(declaration_page.url + "signatories/").content.decode()
    # Staff approve in the admin.
    client.force_login(staff["editor"])
    response = client.post(
        f"/admin/snippets/community/signature/edit/{signature.pk}/",
        {"status": "approved", "review_note": ""},
    )
    assert response.status_code == 302
    client.logout()
    html = client.get(declaration_page.url + "signatories/").content.decode()
    assert "Council A" in html
    assert "Open our repairs pattern" in html
    assert Commitment.objects.get().is_published
    assert "1</strong> organisation has signed" in client.get(declaration_page.url).content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"lead_email": "dana@gmail.com"},
            "Enter the digital lead&#x27;s work email address, not a personal one",
        ),
        ({"approver_email": APPLICATION["lead_email"]}, "must be a different person"),
        ({"approver_email": "not-an-email"}, "Enter an email address in the correct format"),
        ({"commitment_title": ""}, "Enter a title for your commitment"),
        ({"organisation": ""}, "Select the organisation that is signing"),
    ],
)
def test_bad_applications_are_refused_and_keep_what_was_typed(
    client, declaration_page, org_a, changes, message
):
    response = apply(client, declaration_page, org_a, **changes)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert message in html
    assert "Publish the pattern." in html
    assert 'value="Dana Lead"' in html
    assert not Signature.objects.exists()


def test_signatories_search_filters_and_counts(client, declaration_page, org_a, org_b):
    org_c = factories.OrganisationFactory(
        code="CCC",
        slug="council-c",
        name="Council C",
        nation="Scotland",
        region="Highlands",
        organisation_type="combined-authority",
    )
    for organisation in (org_a, org_b, org_c):
        factories.SignatureFactory(organisation=organisation)
    factories.SignatureFactory(
        organisation=factories.OrganisationFactory(name="Pending Council"),
        status=SignatureStatus.AWAITING_APPROVER,
    )
    url = declaration_page.url + "signatories/"
    html = client.get(url).content.decode()
    assert "3 results" in html
    assert "Pending Council" not in html
    assert "1 result" in client.get(url, {"nation": "Wales"}).content.decode()
    html = client.get(url, {"organisation_type": "combined-authority"}).content.decode()
    assert "Council C" in html
    assert "Council A" not in html
    assert "Council B" in client.get(url, {"q": "council b"}).content.decode()
    assert "1 result" in client.get(url, {"region": "London"}).content.decode()


def test_signatory_counts_name_organisation_types_as_readers_see_them(
    client, declaration_page, org_a
):
    factories.SignatureFactory(organisation=org_a)
    html = client.get(declaration_page.url + "signatories/").content.decode()
    counts = html.split("In these results", 1)[1].split("</ul>", 1)[0]
    assert f"<li>{org_a.get_organisation_type_display()}: 1</li>" in counts
    assert f"<li>{org_a.organisation_type}: 1</li>" not in counts


def test_signatories_download_as_csv_and_json_like_every_other_listing(
    client, declaration_page, org_a, org_b
):
    import csv
    import io
    import json

    for organisation in (org_a, org_b):
        signature = factories.SignatureFactory(organisation=organisation)
        signature.commitments.create(
            organisation=organisation,
            title=f"=Open {organisation.name}'s repairs pattern",
            mission="M",
            impact="I",
            is_published=True,
        )
    factories.SignatureFactory(
        organisation=factories.OrganisationFactory(name="Pending Council"),
        status=SignatureStatus.AWAITING_APPROVER,
    )
    url = declaration_page.url + "signatories/"
    html = client.get(url).content.decode()
    assert "format=csv" in html
    assert "format=json" in html

    response = client.get(url, {"format": "csv", "nation": "Wales"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="declaration-signatories.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["organisation"] for row in rows] == ["Council B"]  # filtered as on the page
    assert rows[0]["commitments"] == "'=Open Council B's repairs pattern"  # safe in a spreadsheet
    assert rows[0]["url"].endswith(org_b.get_absolute_url())
    assert "lead@council.gov.uk" not in response.content.decode()  # no one's address

    response = client.get(url, {"format": "json"})
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(response.content)
    assert data["count"] == 2
    assert {row["organisation"] for row in data["results"]} == {"Council A", "Council B"}


def test_the_declaration_and_its_routes_follow_the_page_when_an_editor_renames_it(
    client, declaration_page, org_a
):
    declaration_page.slug = "the-declaration"
    declaration_page.save_revision().publish()
    declaration_page.refresh_from_db()
    assert declaration_page.url == "/the-declaration/"
    assert "organisations have signed" in client.get("/the-declaration/").content.decode()
    assert client.get("/the-declaration/signatories/").status_code == 200
    sign_url = declaration_page.url + declaration_page.reverse_subpage("sign")
    assert sign_url == "/the-declaration/sign/"
    assert client.get(sign_url).status_code == 200
    assert apply(client, declaration_page, org_a)["Location"] == "/the-declaration/sign/done/"
    assert client.get("/declaration/sign/").status_code == 404


def test_the_declaration_previews_with_its_principles_and_signatories(declaration_page, org_a):
    factories.SignatureFactory(organisation=org_a, status=SignatureStatus.APPROVED)
    principle = Principle.objects.create(number=99, title="Fix our plumbing")
    html = declaration_page.make_preview_request().render().content.decode()
    assert principle.title in html
    assert "1</strong> organisation has signed" in html
