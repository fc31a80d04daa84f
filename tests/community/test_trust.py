"""Issue 14's lesser findings: text stored as text, names that cannot spoof, the admin's
sign-out, page passwords, request bodies."""

from django.urls import reverse

import pytest

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
