"""What staff see when they review a member, a Declaration application or comments: enough
to decide without leaving the screen."""

from community.declaration import services as declaration_services
from community.models import Comment, CommentReport, Signature
from tests.community.test_declaration import APPLICATION, apply
from tests.community.test_declaration_squatting import SQUATTER


def signature_edit(client, signature):
    return client.get(f"/admin/snippets/community/signature/edit/{signature.pk}/").content.decode()


def test_moderators_see_the_members_email_on_the_list_edit_and_inspect_screens(
    client, members, staff
):
    member = members["unverified"]
    client.force_login(staff["moderator"])
    listing = client.get("/admin/snippets/community/memberprofile/").content.decode()
    edit = client.get(f"/admin/snippets/community/memberprofile/edit/{member.pk}/").content.decode()
    inspect = client.get(
        f"/admin/snippets/community/memberprofile/inspect/{member.pk}/"
    ).content.decode()
    for html in (listing, edit, inspect):
        assert "unverified@example.org" in html
    assert "Confirmed addresses" in edit


def test_the_signature_review_shows_the_commitment(client, declaration_page, org_a, staff):
    apply(client, declaration_page, org_a)
    client.force_login(staff["editor"])
    html = signature_edit(client, Signature.objects.get())
    assert APPLICATION["commitment_title"] in html
    assert APPLICATION["commitment_mission"] in html
    assert APPLICATION["commitment_impact"] in html


def test_the_signature_review_warns_staff_when_addresses_are_off_the_domains(
    client, declaration_page, org_a, staff
):
    apply(client, declaration_page, org_a, **SQUATTER)
    flagged = Signature.objects.get()
    declaration_services.signature_approver_confirm(signature=flagged)
    client.force_login(staff["editor"])
    html = signature_edit(client, flagged)
    assert "Check this application before you approve it" in html
    assert "me@squatter-mail.co.uk" in html
    # The warning comes before the status a reviewer changes to approve.
    assert html.index("Check this application before you approve it") < html.index('name="status"')

    flagged.status = "rejected"
    flagged.save()
    apply(client, declaration_page, org_a)
    genuine = Signature.objects.exclude(pk=flagged.pk).get()
    html = signature_edit(client, genuine)
    # The other (flagged) application is listed, but this one carries no warning.
    assert "Check this application before you approve it" not in html
    assert "addresses are on Council A" in html


def test_the_comments_list_shows_what_was_written_and_on_which_page(
    client, members, staff, pattern
):
    long_text = "We reused the missed bin form and cut calls by a third. " * 5
    comment = Comment.objects.create(page=pattern, author=members["owner"].user, body=long_text)
    report = CommentReport.objects.create(
        comment=comment, reporter=members["verified_other"].user, reason="Off topic"
    )
    client.force_login(staff["moderator"])

    html = client.get("/admin/snippets/community/comment/").content.decode()
    assert "We reused the missed bin form and cut calls by a third." in html
    assert long_text.strip() not in html  # truncated, so the list stays readable
    assert "Report a missed bin" in html
    assert f"/comment/edit/{comment.pk}/" in html

    reports = client.get("/admin/snippets/community/commentreport/").content.decode()
    assert "We reused the missed bin form" in reports
    assert f"/commentreport/edit/{report.pk}/" in reports
